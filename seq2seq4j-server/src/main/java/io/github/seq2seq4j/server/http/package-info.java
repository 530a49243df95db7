/**
 * The HTTP side: routes and their handlers on Javalin (Jetty 12), the request gate that counts
 * requests in flight for graceful shutdown and records per-route metrics, JSON errors (also for
 * errors Jetty answers itself), and the web page's static files.
 */
package io.github.seq2seq4j.server.http;
