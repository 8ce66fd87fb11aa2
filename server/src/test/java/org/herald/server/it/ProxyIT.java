package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Herald as a stateful forking proxy (RFC 3261 §16) between SIPp user agents: parallel forking to every
 * binding, Record-Route and in-dialog routing, CANCEL, and the answers a proxy gives itself.
 */
class ProxyIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A SIPp user agent server listening on its own port, registered there for an AOR. */
    private record Uas(Process process, Path dir, int port) {}

    /**
     * Registers {@code sip:user@127.0.0.1:port} for the AOR from that very UDP port (Herald sends to the
     * flow a binding arrived on), then starts the SIPp scenario listening on the port.
     */
    private static Uas registeredUas(String scenario, String user) {
        int port = FreePorts.next();
        String aor = user + "@localhost";
        try (RawSipClient registering = RawSipClient.udp(port, server.sipPort)) {
            RawSipClient.Message ok = registering.request("REGISTER", "sip:localhost").from(aor).to(aor)
                    .header("Contact", "<sip:" + user + "@127.0.0.1:" + port + ">").header("Expires", 600).send();
            assertEquals(200, ok.status(), () -> ok.toString());
        }
        try {
            Path dir = Files.createTempDirectory("uas");
            Process p = Sipp.scenario(scenario, server).localPort(port).key("user", user).start(dir);
            awaitBound(port, p, dir);
            return new Uas(p, dir, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until SIPp listens on the UDP port (Linux: /proc/net/udp), so the first request needs no retransmission. */
    private static void awaitBound(int port, Process p, Path dir) {
        String local = String.format(Locale.ROOT, "0100007F:%04X", port);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), () -> "sipp exited early: " + read(dir.resolve("sipp.out")));
            try {
                if (Files.readAllLines(Path.of("/proc/net/udp")).stream().anyMatch(l -> l.contains(" " + local + " "))) return;
            } catch (IOException e) {
                return; // not Linux: Herald's retransmissions cover a slow start
            }
            TransportsIT.sleep(20);
        }
        throw new AssertionError("sipp did not bind port " + port);
    }

    /** The UAS's result; it should be done by now, so it gets a few seconds, not SIPp's long timeout. */
    private static Sipp.Run finish(Uas uas) {
        try {
            if (!uas.process().waitFor(5, TimeUnit.SECONDS)) {
                uas.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new Sipp.Run(-1, read(uas.dir().resolve("sipp.out")) + "\n(killed: still waiting after the caller finished)",
                        uas.dir());
            }
            return new Sipp.Run(uas.process().exitValue(), read(uas.dir().resolve("sipp.out")), uas.dir());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static Sipp caller(String scenario, String callee) {
        return Sipp.scenario(scenario, server).key("callee", callee).key("domain", "localhost");
    }

    // ---- forking ----

    @Test
    void messageForksToEveryBindingInParallel() {
        Uas first = registeredUas("uas-message", "bob");
        Uas second = registeredUas("uas-message", "bob");
        Sipp.Run uac = caller("uac-message", "bob").run();
        Sipp.Run a = finish(first);
        Sipp.Run b = finish(second);
        uac.assertPassed();
        // a sequential fork would have stopped at the first 200: both contacts got the MESSAGE
        a.assertPassed();
        b.assertPassed();
    }

    /** Over TCP, each binding's MESSAGE comes down the connection it registered on. */
    @Test
    void messageForksDownEachRegisteredTcpConnection() {
        String aor = "bob-tcp@localhost";
        try (RawSipClient desk = RawSipClient.tcp(server.sipPort); RawSipClient mobile = RawSipClient.tcp(server.sipPort)) {
            for (RawSipClient c : List.of(desk, mobile)) {
                RawSipClient.Message ok = c.request("REGISTER", "sip:localhost").from(aor).to(aor)
                        .header("Contact", "<" + c.contactUri("bob-tcp") + ">").header("Expires", 600).send();
                assertEquals(200, ok.status(), () -> ok.toString());
            }
            try (RawSipClient alice = RawSipClient.tcp(server.sipPort)) {
                RawSipClient.Request message = alice.request("MESSAGE", "sip:" + aor).from("alice@localhost")
                        .body("text/plain", "hello-fork");
                message.sendOnly();
                RawSipClient.Message atDesk = desk.awaitRequest("MESSAGE");
                desk.reply(atDesk, 200, "OK");
                RawSipClient.Message answered = alice.awaitFinal(message.callId(), 1, "MESSAGE");
                assertEquals(200, answered.status(), () -> answered.toString());
                // parallel, not sequential: the other contact gets it although the first already accepted
                RawSipClient.Message atMobile = mobile.awaitRequest("MESSAGE");
                mobile.reply(atMobile, 200, "OK");
                for (RawSipClient.Message got : List.of(atDesk, atMobile)) {
                    assertEquals("hello-fork", got.bodyText());
                    assertEquals("69", got.header("Max-Forwards").orElse("").trim(), "Herald counts its hop");
                    assertTrue(got.header("Via").orElse("").startsWith("SIP/2.0/TCP 127.0.0.1:" + server.sipPort),
                            () -> "Herald's Via on top: " + got);
                    assertEquals(2, got.headers("Via").stream().mapToInt(v -> v.split(",").length).sum(),
                            () -> "Herald's Via above the caller's: " + got);
                }
                assertTrue(atDesk.requestUri().startsWith("sip:bob-tcp@127.0.0.1:"), () -> atDesk.requestUri());
                assertTrue(!atDesk.requestUri().equals(atMobile.requestUri()), "each branch targets its own contact");
                assertTrue(alice.anyResponse(Duration.ofMillis(300)).isEmpty(),
                        "only one final response goes back to the caller");
            }
        }
    }

    // ---- dialogs ----

    @Test
    void inviteIsRecordRoutedAndAckAndByeGoThroughHerald() {
        Uas callee = registeredUas("uas-invite", "carol");
        Sipp.Run uac = caller("uac-invite", "carol").args("-default_behaviors", "all,-bye").run();
        Sipp.Run uas = finish(callee);
        String rr = "Record-Route: <sip:127.0.0.1:" + server.sipPort + ";lr>";
        assertTrue(uas.messages().contains(rr), () -> "the callee's INVITE names Herald in " + rr + ":\n" + uas.messages());
        assertTrue(uac.messages().contains(rr), () -> "the caller's 200 names Herald in " + rr + ":\n" + uac.messages());
        assertTrue(java.util.regex.Pattern.compile("received \\[\\d+\\] bytes :\\s+ACK sip:carol@127\\.0\\.0\\.1:" + callee.port())
                .matcher(uas.messages()).find(), () -> "the ACK reaches the callee through Herald:\n" + uas.messages());
        uac.assertPassed(); // the BYE, sent along the route set through Herald, got the callee's 200
        uas.assertPassed();
    }

    @Test
    void cancelOfARingingInviteEndsIn487() {
        Uas callee = registeredUas("uas-ring-cancel", "dave");
        Sipp.Run uac = caller("uac-cancel", "dave").run();
        Sipp.Run uas = finish(callee);
        uac.assertPassed();
        uas.assertPassed();
    }

    // ---- the proxy's own answers ----

    private static RawSipClient.Message message(TestServer to, String uri, String maxForwards) {
        try (RawSipClient alice = RawSipClient.udp(to.sipPort)) {
            return alice.request("MESSAGE", uri).from("alice@localhost").maxForwards(maxForwards)
                    .body("text/plain", "hello").send();
        }
    }

    @Test
    void aorOfTheDomainWithoutBindingsIs480InOpenMode() {
        RawSipClient.Message answer = message(server, "sip:nobody-here@localhost", "70");
        assertEquals(480, answer.status(), () -> answer.toString());
    }

    @Test
    void unknownUserIs404InDigestMode() {
        try (TestServer digest = TestServer.start("auth.mode=digest")) {
            digest.addUser("known@localhost", "s3cret");
            RawSipClient.Message unknown = message(digest, "sip:stranger@localhost", "70");
            assertEquals(404, unknown.status(), () -> unknown.toString());
            RawSipClient.Message known = message(digest, "sip:known@localhost", "70");
            assertEquals(480, known.status(), () -> "a known user without bindings is temporarily unavailable:\n" + known);
        }
    }

    @Test
    void requestForAForeignDomainIs403() {
        RawSipClient.Message answer = message(server, "sip:bob@example.com", "70");
        assertEquals(403, answer.status(), () -> answer.toString());
    }

    /** RFC 3261 §16.3 step 3: Max-Forwards is checked when the request is validated, before any target is sought. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void maxForwardsZeroIs483(boolean registered) {
        String user = "erin-" + registered;
        Optional<RawSipClient> contact = Optional.empty();
        try {
            if (registered) {
                RawSipClient c = RawSipClient.udp(server.sipPort);
                contact = Optional.of(c);
                String aor = user + "@localhost";
                assertEquals(200, c.request("REGISTER", "sip:localhost").from(aor).to(aor)
                        .header("Contact", "<" + c.contactUri(user) + ">").header("Expires", 600).send().status());
            }
            RawSipClient.Message answer = message(server, "sip:" + user + "@localhost", "0");
            assertEquals(483, answer.status(), () -> answer.toString());
            contact.ifPresent(c -> assertTrue(c.poll(m -> !m.isResponse(), Duration.ofMillis(300)).isEmpty(),
                    "nothing is forwarded"));
        } finally {
            contact.ifPresent(RawSipClient::close);
        }
    }

    @Test
    void optionsToTheServerItselfListsItsCapabilities() {
        try (RawSipClient client = RawSipClient.udp(server.sipPort)) {
            RawSipClient.Message ok = client.request("OPTIONS", "sip:localhost").from("alice@localhost").send();
            assertEquals(200, ok.status(), () -> ok.toString());
            String allow = String.join(",", ok.headers("Allow")).toUpperCase(Locale.ROOT);
            for (String method : List.of("REGISTER", "PUBLISH", "SUBSCRIBE", "NOTIFY", "OPTIONS", "INVITE", "ACK",
                    "CANCEL", "BYE", "MESSAGE")) {
                assertTrue(allow.contains(method), () -> "Allow lists " + method + ": " + ok);
            }
            assertTrue(String.join(",", ok.headers("Allow-Events")).contains("presence"), () -> ok.toString());
        }
    }
}
