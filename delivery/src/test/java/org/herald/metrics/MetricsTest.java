package org.herald.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void writesThePrometheusTextFormat() {
        Metrics metrics = new Metrics();
        Metrics.Counter requests = metrics.counter("herald_sip_requests_total", "SIP requests received", "method");
        requests.inc("REGISTER");
        requests.add(2, "PUBLISH");
        requests.inc("REGISTER");
        metrics.gauge("herald_subscriptions", "Live subscriptions", List.of("package", "state"),
                () -> Map.of(List.of("presence", "active"), 3, List.of("presence", "pending"), 1));
        metrics.gauge("herald_up", "Always 1", () -> 1);
        Metrics.Histogram h = metrics.histogram("herald_op_seconds", "Op time", new double[] {0.01, 0.1}, "op");
        h.observe(0.005, "get");
        h.observe(0.05, "get");
        h.observe(3, "get");
        assertEquals("""
                # HELP herald_sip_requests_total SIP requests received
                # TYPE herald_sip_requests_total counter
                herald_sip_requests_total{method="PUBLISH"} 2
                herald_sip_requests_total{method="REGISTER"} 2
                # HELP herald_subscriptions Live subscriptions
                # TYPE herald_subscriptions gauge
                herald_subscriptions{package="presence",state="active"} 3
                herald_subscriptions{package="presence",state="pending"} 1
                # HELP herald_up Always 1
                # TYPE herald_up gauge
                herald_up 1
                # HELP herald_op_seconds Op time
                # TYPE herald_op_seconds histogram
                herald_op_seconds_bucket{op="get",le="0.01"} 1
                herald_op_seconds_bucket{op="get",le="0.1"} 2
                herald_op_seconds_bucket{op="get",le="+Inf"} 3
                herald_op_seconds_sum{op="get"} 3.055
                herald_op_seconds_count{op="get"} 3
                """, metrics.scrape());
        assertEquals(2, requests.value("PUBLISH"));
    }

    @Test
    void labelValuesAreEscapedAndMistakesRefused() {
        Metrics metrics = new Metrics();
        Metrics.Counter c = metrics.counter("x_total", "x", "v");
        c.inc("a\"b\\c\nd");
        assertEquals("x_total{v=\"a\\\"b\\\\c\\nd\"} 1\n", metrics.scrape().lines().skip(2).findFirst().orElseThrow() + "\n");
        assertThrows(IllegalArgumentException.class, () -> c.inc());
        assertThrows(IllegalArgumentException.class, () -> metrics.counter("x_total", "again"));
        assertThrows(IllegalArgumentException.class, () -> metrics.counter("bad-name", "dash"));
    }

    @Test
    void aGaugeWhoseOwnerFailsIsLeftOutOfTheScrape() {
        Metrics metrics = new Metrics();
        metrics.gauge("broken", "throws", () -> {
            throw new IllegalStateException("store down");
        });
        metrics.gauge("fine", "ok", () -> 7);
        assertEquals("# HELP fine ok\n# TYPE fine gauge\nfine 7\n", metrics.scrape());
    }
}
