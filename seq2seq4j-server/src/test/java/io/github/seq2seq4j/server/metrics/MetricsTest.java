package io.github.seq2seq4j.server.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric types and their Prometheus text. */
class MetricsTest {
    @Test
    void histogramCountsEachValueInTheFirstBucketAtOrAboveIt() {
        Histogram h = new Histogram(1, 2, 4);
        for (double v : new double[] {0.5, 1, 1.5, 2, 3, 4, 10}) {
            h.observe(v);
        }
        assertArrayEquals(new long[] {2, 4, 6, 7}, h.cumulativeCounts()); // ≤1, ≤2, ≤4, +Inf
        assertEquals(22.0, h.sum(), 1e-12);
        assertEquals(7, h.count());
    }

    @Test
    void histogramBoundsMustIncrease() {
        assertThrows(IllegalArgumentException.class, () -> new Histogram(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Histogram());
        assertThrows(IllegalArgumentException.class, () -> new Histogram(1, Double.POSITIVE_INFINITY));
    }

    @Test
    void counterFamilyWritesHelpTypeAndOneSortedLinePerLabelSet() {
        CounterFamily c = new CounterFamily("x_total", "Things.", "route", "status");
        c.increment("/b", "200");
        c.add(3, "/a", "400");
        c.increment("/b", "200");
        StringBuilder out = new StringBuilder();
        c.writeTo(out);
        assertEquals("""
                # HELP x_total Things.
                # TYPE x_total counter
                x_total{route="/a",status="400"} 3
                x_total{route="/b",status="200"} 2
                """, out.toString());
        assertEquals(2, c.get("/b", "200"));
        assertEquals(0, c.get("/c", "200"));
        assertThrows(IllegalArgumentException.class, () -> c.increment("/a"));
        assertThrows(IllegalArgumentException.class, () -> c.add(-1, "/a", "1"));
    }

    @Test
    void labelValuesAreEscaped() {
        assertEquals("{m=\"a\\\\b\\\"c\\nd\"}", new Labels(List.of("m"), List.of("a\\b\"c\nd")).render());
        assertEquals("", new Labels(List.of(), List.of()).render());
    }

    @Test
    void histogramFamilyWritesCumulativeBucketsSumAndCount() {
        HistogramFamily h = new HistogramFamily("lat_seconds", "Latency.", new double[] {0.5, 1}, "route");
        h.observe(0.25, "/x");
        h.observe(0.75, "/x");
        h.observe(3, "/x");
        StringBuilder out = new StringBuilder();
        h.writeTo(out);
        assertEquals("""
                # HELP lat_seconds Latency.
                # TYPE lat_seconds histogram
                lat_seconds_bucket{route="/x",le="0.5"} 1
                lat_seconds_bucket{route="/x",le="1"} 2
                lat_seconds_bucket{route="/x",le="+Inf"} 3
                lat_seconds_sum{route="/x"} 4
                lat_seconds_count{route="/x"} 3
                """, out.toString());
    }

    @Test
    void numbersAreWrittenAsPrometheusReadsThem() {
        assertEquals("3", PrometheusNumbers.format(3.0));
        assertEquals("0.025", PrometheusNumbers.format(0.025));
        assertEquals("+Inf", PrometheusNumbers.format(Double.POSITIVE_INFINITY));
        assertEquals("NaN", PrometheusNumbers.format(Double.NaN));
    }

    @Test
    void serverMetricsRenderEveryFamilyAndGauges() {
        ServerMetrics m = new ServerMetrics();
        m.recordRequest("/v1/translate", "POST", 200, 0.003);
        m.recordError("/v1/translate", "bad_request");
        m.recordBatch("g2p", 5, 0.02);
        m.addGauge("q", "Queue.", () -> 7);
        String text = m.render();
        assertTrue(text.contains("seq2seq4j_http_requests_total{route=\"/v1/translate\",method=\"POST\",status=\"200\"} 1"));
        assertTrue(text.contains("seq2seq4j_http_errors_total{route=\"/v1/translate\",code=\"bad_request\"} 1"));
        assertTrue(text.contains("seq2seq4j_http_request_duration_seconds_bucket{route=\"/v1/translate\",le=\"0.005\"} 1"));
        assertTrue(text.contains("seq2seq4j_sentences_translated_total{model=\"g2p\"} 5"));
        assertTrue(text.contains("seq2seq4j_decode_batch_size_bucket{model=\"g2p\",le=\"4\"} 0"));
        assertTrue(text.contains("seq2seq4j_decode_batch_size_bucket{model=\"g2p\",le=\"8\"} 1"));
        assertTrue(text.contains("# TYPE q gauge\nq 7\n"));
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ")
                    || line.matches("[a-z_0-9]+(\\{.*\\})? [-+0-9.eEInfNa]+"), "not exposition format: " + line);
        }
    }
}
