/**
 * The server's metrics and their Prometheus text exposition (format 0.0.4): labelled counters,
 * fixed-bucket histograms and gauges read at scrape time. No metrics library: the format is a few
 * lines of text and the server needs only these three kinds.
 */
package io.github.seq2seq4j.server.metrics;
