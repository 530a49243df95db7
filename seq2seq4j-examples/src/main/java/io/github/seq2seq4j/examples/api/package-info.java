/**
 * Runnable examples of the Java API, one use each, every one run by a test:
 *
 * <ul>
 *   <li>{@link io.github.seq2seq4j.examples.api.TranslateExample}: load a saved model, translate one
 *       string and a batch;
 *   <li>{@link io.github.seq2seq4j.examples.api.NbestExample}: beam search, the n best translations
 *       with their scores;
 *   <li>{@link io.github.seq2seq4j.examples.api.AttentionExample}: the attention weights of one
 *       translation, drawn as text;
 *   <li>{@link io.github.seq2seq4j.examples.api.ConcurrentExample}: one model shared by many threads;
 *   <li>{@link io.github.seq2seq4j.examples.api.TrainExample}: training with {@code Trainer},
 *       {@code TrainOptions} and listeners on a data set written in the code;
 *   <li>{@link io.github.seq2seq4j.examples.api.ServeExample}: the HTTP server in-process, one request.
 * </ul>
 *
 * <p>Build them once with {@code mvn -B -q -DskipTests -pl seq2seq4j-examples -am package}, then run
 * any from the repository root with
 * {@code java -cp seq2seq4j-examples/target/seq2seq4j-examples.jar io.github.seq2seq4j.examples.api.NAME}.
 * The model they load unless given another directory is {@code seq2seq4j-examples/model}
 * ({@link io.github.seq2seq4j.examples.api.ExampleModel}).
 */
package io.github.seq2seq4j.examples.api;
