package org.herald.server.it;

import static org.herald.server.it.WatcherInfoIT.notifyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What notification traffic control saves, over real sockets: one presentity publishes the same
 * sequence of changes while watchers of each kind count the NOTIFYs and bytes they receive — plain,
 * with a filter selecting the basic status of IM tuples (RFC 4661), with partial notification
 * (RFC 5263) and with min-interval (RFC 6446). Every watcher must end with the latest state it may
 * see. The table goes to {@code target/traffic-control.txt}.
 */
class TrafficSavingsRateIT {
    private static final int CHANGES = 20;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Kind(String name, String eventHeader, String accept, String filter) {}

    private record Tally(int notifies, long bodyBytes, long wireBytes, String last) {}

    private static void publish(RawSipClient client, String aor, int i) {
        String im = (i / 5) % 2 == 0 ? "open" : "closed"; // the IM tuple changes every fifth publication
        StringBuilder devices = new StringBuilder(); // what does not change: where partial notification saves
        for (int d = 1; d <= 4; d++) {
            devices.append("<tuple id=\"dev").append(d).append("\"><status><basic>open</basic></status><contact priority=\"0.")
                    .append(d).append("\">sip:").append(aor).append(";gr=dev").append(d).append("</contact><note>device ").append(d)
                    .append(" of a presentity with several</note></tuple>");
        }
        String pidf = WatcherFilterIT.pidf(aor, im, "open", "note-" + i).replace("</presence>", devices + "</presence>");
        assertEquals(200, client.request("PUBLISH", "sip:" + aor).from(aor).to(aor).header("Event", "presence")
                .header("Expires", 600).body("application/pidf+xml", pidf).send().status());
    }

    @Test
    void filtersPartialNotificationAndRateControlCutTraffic() throws Exception {
        String presentity = "traffic-alice@localhost";
        List<Kind> kinds = List.of(
                new Kind("plain", "presence", null, null),
                new Kind("filter (IM basic)", "presence", null, WatcherFilterIT.IM_BASIC),
                new Kind("partial (pidf-diff)", "presence", "application/pidf+xml, application/pidf-diff+xml", null),
                new Kind("min-interval=1", "presence;min-interval=1", null, null));
        try (RawSipClient alice = RawSipClient.udp(server.sipPort)) {
            publish(alice, presentity, 0);
            Thread.sleep(300);
            List<RawSipClient> watchers = new ArrayList<>();
            try {
                for (int k = 0; k < kinds.size(); k++) {
                    Kind kind = kinds.get(k);
                    RawSipClient w = RawSipClient.udp(server.sipPort);
                    watchers.add(w);
                    String user = "traffic-w" + k + "@localhost";
                    RawSipClient.Request r = w.request("SUBSCRIBE", "sip:" + presentity).from(user).to(presentity)
                            .header("Contact", "<" + w.contactUri("traffic-w" + k) + ">").header("Event", kind.eventHeader())
                            .header("Expires", 600);
                    if (kind.accept() != null) r.header("Accept", kind.accept());
                    if (kind.filter() != null) r.body("application/simple-filter+xml", kind.filter());
                    assertEquals(200, r.send().status());
                    notifyOf(w, "presence", 200); // the initial NOTIFY is not counted
                }
                Thread.sleep(1200); // past min-interval since the initial NOTIFYs
                List<java.util.concurrent.CompletableFuture<Tally>> counting = new ArrayList<>();
                for (RawSipClient w : watchers) { // every watcher answers at once, as a phone would
                    counting.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> drain(w),
                            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()));
                }
                for (int i = 1; i <= CHANGES; i++) {
                    publish(alice, presentity, i);
                    Thread.sleep(50);
                }
                Map<String, Tally> tallies = new LinkedHashMap<>();
                for (int k = 0; k < kinds.size(); k++) tallies.put(kinds.get(k).name(), counting.get(k).join());

                StringBuilder table = new StringBuilder(String.format("%-22s %8s %12s %12s%n", "watcher", "NOTIFYs", "body bytes", "wire bytes"));
                tallies.forEach((name, t) -> table.append(String.format("%-22s %8d %12d %12d%n", name, t.notifies(), t.bodyBytes(), t.wireBytes())));
                System.out.println("traffic control, " + CHANGES + " publications:\n" + table);
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target", "traffic-control.txt"), table.toString());

                Tally plain = tallies.get("plain");
                Tally filtered = tallies.get("filter (IM basic)");
                Tally partial = tallies.get("partial (pidf-diff)");
                Tally rated = tallies.get("min-interval=1");
                assertTrue(plain.last().contains("note-" + CHANGES), "plain ends with the latest state");
                assertTrue(filtered.notifies() < plain.notifies() && filtered.bodyBytes() < plain.bodyBytes(), table::toString);
                assertTrue(filtered.last().contains("<basic>" + ((CHANGES / 5) % 2 == 0 ? "open" : "closed") + "</basic>"), filtered.last());
                assertTrue(partial.bodyBytes() < plain.bodyBytes(), table::toString);
                assertTrue(partial.last().contains("note-" + CHANGES), "the last diff carries the last change");
                assertTrue(rated.notifies() < plain.notifies(), table::toString);
                assertTrue(rated.last().contains("note-" + CHANGES), "min-interval still ends with the latest state");
            } finally {
                watchers.forEach(RawSipClient::close);
            }
        }
    }

    /** Answers and counts NOTIFYs until none came for 2.5 s (longer than min-interval). */
    private static Tally drain(RawSipClient w) {
        int count = 0;
        long body = 0;
        long wire = 0;
        String last = "";
        while (true) {
            Optional<RawSipClient.Message> n = w.poll(m -> !m.isResponse() && m.method().equals("NOTIFY"), Duration.ofMillis(2500));
            if (n.isEmpty()) return new Tally(count, body, wire, last);
            w.reply(n.get(), 200, "OK");
            count++;
            body += n.get().body().length;
            wire += n.get().startLine().length() + 2 + n.get().headerLines().stream()
                    .mapToLong(h -> h.getKey().length() + 2 + h.getValue().getBytes(StandardCharsets.UTF_8).length + 2).sum() + 2
                    + n.get().body().length;
            last = n.get().bodyText();
        }
    }
}
