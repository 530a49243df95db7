/**
 * Files exchanged with the PyTorch reference: {@link io.github.seq2seq4j.io.SafeTensors} (the
 * safetensors tensor format, byte-identical to the reference's writer) and
 * {@link io.github.seq2seq4j.io.Json} (RFC 8259 reading, Python-compatible writing for headers and
 * bundle configs). Malformed input fails with a one-line {@link io.github.seq2seq4j.InputException}
 * naming the file and the offending entry.
 */
package io.github.seq2seq4j.io;
