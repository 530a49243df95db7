/**
 * The JSON API: request parsing and validation against the server's limits, response and error
 * bodies, and the one Jackson mapper they share (snake_case names, strict parsing).
 */
package io.github.seq2seq4j.server.api;
