package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Herald acknowledged survives {@code kill -9} under traffic: the registration, the last
 * acknowledged publication with its entity tag, and the subscription with its dialog, which gets the
 * next NOTIFY with a higher CSeq after the restart without re-subscribing.
 */
class RestartIT {
    private static final String PIDF = """
            <?xml version="1.0" encoding="UTF-8"?>
            <presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:bob@localhost">
            <tuple id="t1"><status><basic>open</basic></status><note>%s</note></tuple></presence>""";

    @Test
    void acknowledgedStateSurvivesKill9AndSubscriptionsContinue(@TempDir Path dir) throws Exception {
        int sip = FreePorts.next();
        List<String> settings = List.of("storage.dir=" + dir.resolve("data"), "storage.embedded.backend=h2",
                "auth.mode=open", "sip.domain=localhost", "sip.udp.port=" + sip, "sip.tcp.port=" + sip,
                "sip.tls.enabled=false", "sip.ws.enabled=false");
        int http = FreePorts.next();
        Path log = dir.resolve("herald.log");
        Files.createFile(log);

        try (RawSipClient watcher = RawSipClient.udp(sip); RawSipClient publisher = RawSipClient.udp(sip)) {
            AtomicReference<String> lastEtag = new AtomicReference<>();
            AtomicInteger lastAcked = new AtomicInteger(-1);
            long lastCseqBefore;
            String callId;
            String ourTag;
            try (ServerProcess first = ServerProcess.start(http, log, settings)) {
                assertEquals(200, watcher.request("REGISTER", "sip:localhost").from("alice@localhost").to("alice@localhost")
                        .header("Contact", "<" + watcher.contactUri("alice") + ">").header("Expires", 600).send().status());
                var subscribe = watcher.request("SUBSCRIBE", "sip:bob@localhost").from("alice@localhost").to("bob@localhost")
                        .header("Contact", "<" + watcher.contactUri("alice") + ">").header("Event", "presence")
                        .header("Expires", 600);
                var ok = subscribe.send();
                assertEquals(200, ok.status());
                callId = subscribe.callId();
                ourTag = ok.tag("To").orElseThrow();
                AtomicBoolean answering = new AtomicBoolean(true);
                List<Long> cseqs = new ArrayList<>();
                Thread answerer = Thread.ofVirtual().start(() -> {
                    while (answering.get()) {
                        watcher.poll(m -> !m.isResponse() && m.method().equals("NOTIFY"), Duration.ofMillis(200)).ifPresent(n -> {
                            synchronized (cseqs) {
                                cseqs.add(Long.parseLong(n.header("CSeq").orElseThrow().trim().split(" ")[0]));
                            }
                            watcher.reply(n, 200, "OK");
                        });
                    }
                });

                // traffic: modifications as fast as they are answered, until the process dies under them
                AtomicBoolean publishing = new AtomicBoolean(true);
                Thread load = Thread.ofVirtual().start(() -> {
                    for (int i = 0; publishing.get(); i++) {
                        var p = publisher.request("PUBLISH", "sip:bob@localhost").header("Event", "presence")
                                .header("Expires", 600).body("application/pidf+xml", PIDF.formatted("note-" + i));
                        if (lastEtag.get() != null) p.header("SIP-If-Match", lastEtag.get());
                        p.sendOnly();
                        var answer = publisher.poll(m -> m.isResponse() && m.callId().equals(p.callId()), Duration.ofSeconds(2));
                        if (answer.isEmpty()) return; // the server is gone
                        assertEquals(200, answer.get().status(), answer.get().toString());
                        lastEtag.set(answer.get().header("SIP-ETag").orElseThrow().trim());
                        lastAcked.set(i);
                    }
                });
                PresenceIT.await(() -> lastAcked.get() >= 50, "50 acknowledged publications");
                first.kill9();
                publishing.set(false);
                load.join();
                Thread.sleep(300);
                answering.set(false);
                answerer.join();
                synchronized (cseqs) {
                    assertTrue(cseqs.size() > 1, "NOTIFYs flowed before the kill: " + cseqs);
                    lastCseqBefore = cseqs.stream().mapToLong(Long::longValue).max().orElseThrow();
                }
            }

            try (ServerProcess second = ServerProcess.start(http, log, settings)) {
                var query = watcher.request("REGISTER", "sip:localhost").from("alice@localhost").to("alice@localhost").send();
                assertEquals(200, query.status());
                assertTrue(query.headers("Contact").stream().anyMatch(c -> c.contains(watcher.contactUri("alice"))),
                        "the binding survived: " + query);

                // what is stored is the last acknowledged state, or the one in flight at the kill (applied, never answered)
                var fetch = publisher.request("SUBSCRIBE", "sip:bob@localhost").from("carol@localhost").to("bob@localhost")
                        .header("Contact", "<" + publisher.contactUri("carol") + ">").header("Event", "presence")
                        .header("Expires", 0);
                assertEquals(200, fetch.send().status());
                var state = publisher.await(m -> !m.isResponse() && m.callId().equals(fetch.callId()),
                        Duration.ofSeconds(5), "the fetch NOTIFY");
                publisher.reply(state, 200, "OK");
                int acked = lastAcked.get();
                boolean inFlightLanded = state.bodyText().contains("note-" + (acked + 1) + "<");
                assertTrue(inFlightLanded || state.bodyText().contains("note-" + acked + "<"),
                        "the last acknowledged publication (note-" + acked + ") or a newer one survived: " + state.bodyText());
                String etag = lastEtag.get();
                if (!inFlightLanded) {
                    var refresh = publisher.request("PUBLISH", "sip:bob@localhost").header("Event", "presence")
                            .header("Expires", 600).header("SIP-If-Match", etag).send();
                    assertEquals(200, refresh.status(), "the acknowledged publication kept its entity tag: " + refresh);
                    etag = refresh.header("SIP-ETag").orElseThrow().trim();
                }

                var modify = publisher.request("PUBLISH", "sip:bob@localhost").header("Event", "presence").header("Expires", 600)
                        .body("application/pidf+xml", PIDF.formatted("after-restart"));
                if (!inFlightLanded) modify.header("SIP-If-Match", etag);
                assertEquals(200, modify.send().status());
                var notify = watcher.await(m -> !m.isResponse() && m.method().equals("NOTIFY")
                        && m.bodyText().contains("after-restart"), Duration.ofSeconds(10), "a NOTIFY after the restart");
                watcher.reply(notify, 200, "OK");
                long cseq = Long.parseLong(notify.header("CSeq").orElseThrow().trim().split(" ")[0]);
                assertTrue(cseq > lastCseqBefore, "CSeq " + cseq + " continues above " + lastCseqBefore);
                assertEquals(callId, notify.callId(), "the same dialog");
                assertEquals(ourTag, notify.tag("From").orElseThrow());
                assertTrue(notify.header("Subscription-State").orElseThrow().startsWith("active"));
                assertEquals(143, second.terminate(), "SIGTERM ends the JVM the conventional way (128 + 15)");
                assertTrue(second.output().contains("Herald stopped"), "after running the clean shutdown");
            }
        }
    }
}
