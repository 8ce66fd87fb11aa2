package org.herald.server.it;

import static org.herald.server.it.WatcherInfoIT.notifyOf;
import static org.herald.server.it.WatcherInfoIT.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an operator scrapes and probes: Prometheus metrics at /metrics, liveness and readiness. */
class OperationsIT {
    private static final HttpClient http = HttpClient.newHttpClient();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every sample of the scrape, by its name with labels as written. */
    private static Map<String, Double> scrape() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        Map<String, Double> samples = new HashMap<>();
        for (String line : r.body().lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) continue;
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    @Test
    void metricsCountWhatHappenedOnTheWire() throws Exception {
        try (RawSipClient phone = RawSipClient.udp(server.sipPort); RawSipClient watcher = RawSipClient.udp(server.sipPort)) {
            assertEquals(200, phone.request("REGISTER", "sip:localhost").from("ops@localhost").to("ops@localhost")
                    .header("Contact", "<" + phone.contactUri("ops") + ">").header("Expires", 600).send().status());
            assertEquals(489, phone.request("SUBSCRIBE", "sip:ops@localhost").from("ops@localhost").to("ops@localhost")
                    .header("Contact", "<" + phone.contactUri("ops") + ">").header("Event", "no-such-package").send().status());
            assertEquals(200, subscribe(watcher, "opsw@localhost", "ops@localhost", "presence", 600).status());
            notifyOf(watcher, "presence", 200);

            String notified = "herald_sip_sent_requests_total{method=\"NOTIFY\",outcome=\"200\"}";
            Map<String, Double> m = scrape();
            for (int i = 0; i < 50 && !m.containsKey(notified); i++) { // our 200 to the NOTIFY may still be on its way
                Thread.sleep(50);
                m = scrape();
            }
            assertEquals(1.0, m.get("herald_sip_requests_total{method=\"REGISTER\"}"));
            assertEquals(2.0, m.get("herald_sip_requests_total{method=\"SUBSCRIBE\"}"));
            assertEquals(1.0, m.get("herald_sip_responses_total{method=\"REGISTER\",status=\"200\"}"));
            assertEquals(1.0, m.get("herald_sip_responses_total{method=\"SUBSCRIBE\",status=\"489\"}"));
            assertEquals(1.0, m.get("herald_registrar_bindings"));
            assertEquals(1.0, m.get("herald_subscriptions{package=\"presence\",state=\"active\"}"));
            assertEquals(1.0, m.get(notified));
            assertEquals(0.0, m.get("herald_sip_sent_requests_in_flight"));
            assertTrue(m.get("herald_store_operation_seconds_count{collection=\"bindings\",operation=\"replace\"}") >= 1);
            assertTrue(m.get("jvm_memory_used_bytes{area=\"heap\"}") > 0);
        }
    }

    @Test
    void liveAndReady() throws Exception {
        assertEquals(200, get("/health").statusCode());
        HttpResponse<String> ready = get("/ready");
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().contains("\"ready\""), ready.body());
    }
}
