package io.github.seq2seq4j.server;

import io.github.seq2seq4j.Seq2SeqModel;
import java.nio.file.Path;

/**
 * A loaded model under the name clients use.
 *
 * @param name  the name in requests and responses
 * @param dir   where it was loaded from
 * @param model the model
 */
public record ServedModel(String name, Path dir, Seq2SeqModel model) {}
