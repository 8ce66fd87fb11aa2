package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REGISTER and SUBSCRIBE over TLS and over SIP-over-WebSocket (RFC 7118), with the NOTIFY coming back
 * on the connection the SUBSCRIBE arrived on; and bindings that go away with their connection.
 */
class TransportsIT {
    private static final String PIDF = "application/pidf+xml";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawSipClient connect(String transport) {
        return switch (transport) {
            case "TCP" -> RawSipClient.tcp(server.sipPort);
            case "TLS" -> RawSipClient.tls(server.tlsPort);
            case "WS" -> RawSipClient.ws(server.wsPort);
            default -> throw new IllegalArgumentException(transport);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS", "WS"})
    void registersAndSubscribesWithNotifiesOnTheSameConnection(String transport) {
        String t = transport.toLowerCase(Locale.ROOT);
        String user = "ann-" + t + "@localhost";
        String presentity = "ben-" + t + "@localhost";
        try (RawSipClient client = connect(transport)) {
            String contact = client.contactUri("ann-" + t);
            RawSipClient.Message registered = client.request("REGISTER", "sip:localhost").from(user).to(user)
                    .header("Contact", "<" + contact + ">").header("Expires", 600).send();
            assertEquals(200, registered.status(), () -> "REGISTER over " + transport + ":\n" + registered);
            assertTrue(String.join(",", registered.headers("Contact")).contains("<sip:ann-" + t + "@"),
                    () -> "the 200 lists the new binding:\n" + registered);

            RawSipClient.Request subscribe = client.request("SUBSCRIBE", "sip:" + presentity).from(user).to(presentity)
                    .header("Contact", "<" + contact + ">").header("Event", "presence").header("Accept", PIDF)
                    .header("Expires", 600);
            RawSipClient.Message accepted = subscribe.send();
            assertEquals(200, accepted.status(), () -> "SUBSCRIBE over " + transport + ":\n" + accepted);
            String toTag = accepted.tag("To").orElseThrow(() -> new AssertionError("the 200 to SUBSCRIBE has no To tag"));

            RawSipClient.Message first = client.awaitRequest("NOTIFY");
            assertEquals(subscribe.callId(), first.callId(), "the NOTIFY belongs to the subscription's dialog");
            assertTrue(first.requestUri().startsWith("sip:ann-" + t + "@"), () -> "the NOTIFY goes to the subscriber:\n" + first);
            assertEquals(subscribe.fromTag(), first.tag("To").orElse(null), "the NOTIFY's To tag is the subscriber's");
            assertEquals(toTag, first.tag("From").orElse(null), "the NOTIFY's From tag is the one of the 200");
            assertTrue(first.header("Via").orElse("").toUpperCase(Locale.ROOT).startsWith("SIP/2.0/" + transport),
                    () -> "the NOTIFY came over " + transport + ":\n" + first);
            assertTrue(first.header("Subscription-State").orElse("").startsWith("active"), () -> first.toString());
            assertEquals("presence", first.header("Event").orElse(""));
            assertEquals(PIDF, first.header("Content-Type").orElse("").trim());
            assertTrue(first.bodyText().contains("entity=\"sip:" + presentity + "\""), () -> first.bodyText());
            client.reply(first, 200, "OK");

            // the presentity publishes from elsewhere: the next NOTIFY still comes over this connection
            try (RawSipClient publisher = RawSipClient.udp(server.sipPort)) {
                RawSipClient.Message published = publisher.request("PUBLISH", "sip:" + presentity)
                        .header("Event", "presence").header("Expires", 600)
                        .body(PIDF, pidf(presentity, "open", "over-" + t)).send();
                assertEquals(200, published.status(), () -> published.toString());
            }
            RawSipClient.Message second = client.awaitRequest("NOTIFY");
            assertEquals(subscribe.callId(), second.callId());
            assertTrue(second.bodyText().contains("over-" + t), () -> "the NOTIFY carries the publication:\n" + second);
            client.reply(second, 200, "OK");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP", "TLS", "WS"})
    void bindingGoesAwayWithItsConnection(String transport) {
        String name = "cid-" + transport.toLowerCase(Locale.ROOT);
        String aor = name + "@localhost";
        try (RawSipClient udp = RawSipClient.udp(server.sipPort)) {
            String udpContact = udp.contactUri(name + "-udp");
            assertEquals(200, udp.request("REGISTER", "sip:localhost").from(aor).to(aor)
                    .header("Contact", "<" + udpContact + ">").header("Expires", 600).send().status());

            String binding = "<sip:" + name + "@"; // how the connection's binding shows, whatever its host part
            RawSipClient client = connect(transport);
            try {
                String contact = client.contactUri(name);
                RawSipClient.Message registered = client.request("REGISTER", "sip:localhost").from(aor).to(aor)
                        .header("Contact", "<" + contact + ">").header("Expires", 600).send();
                assertEquals(200, registered.status(), () -> registered.toString());
                String bindings = contacts(udp, aor);
                assertTrue(bindings.contains(binding) && bindings.contains(udpContact),
                        () -> "both bindings are there while the connection is open: " + bindings);
            } finally {
                client.close();
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            String bindings = contacts(udp, aor);
            while (bindings.contains(binding) && System.nanoTime() < deadline) {
                sleep(50);
                bindings = contacts(udp, aor);
            }
            String last = bindings;
            assertFalse(last.contains(binding), () -> "the " + transport + " binding is dropped when its connection closes: " + last);
            assertTrue(last.contains(udpContact), () -> "the UDP binding of the same AOR stays: " + last);
        }
    }

    /**
     * RFC 7118 §5 and its Appendix A: a WebSocket client registers an unresolvable Contact
     * ({@code sip:alice@df7jal23ls0d.invalid;transport=ws}); the registrar keeps it as sent (RFC 3261 §10.3:
     * the 200 lists the bindings, which is how the client finds its own) and requests reach the client along
     * its connection anyway, with that URI as their Request-URI.
     */
    @org.junit.jupiter.api.Test
    void webSocketContactIsKeptAsTheClientSentIt() {
        String user = "wsc@localhost";
        try (RawSipClient client = connect("WS")) {
            String contact = client.contactUri("wsc");
            RawSipClient.Message registered = client.request("REGISTER", "sip:localhost").from(user).to(user)
                    .header("Contact", "<" + contact + ">").header("Expires", 600).send();
            assertEquals(200, registered.status(), () -> registered.toString());
            assertTrue(String.join(",", registered.headers("Contact")).contains("<" + contact + ">"),
                    () -> "the 200 lists the binding as registered, <" + contact + ">:\n" + registered);

            RawSipClient.Message accepted = client.request("SUBSCRIBE", "sip:wsd@localhost").from(user).to("wsd@localhost")
                    .header("Contact", "<" + contact + ">").header("Event", "presence").header("Expires", 600).send();
            assertEquals(200, accepted.status(), () -> accepted.toString());
            RawSipClient.Message notify = client.awaitRequest("NOTIFY");
            client.reply(notify, 200, "OK");
            assertEquals(contact, notify.requestUri(), "the NOTIFY's Request-URI is the subscriber's Contact");
        }
    }

    /** The Contact values of a REGISTER query (no Contact in the request) for the AOR. */
    private static String contacts(RawSipClient udp, String aor) {
        RawSipClient.Message query = udp.request("REGISTER", "sip:localhost").from(aor).to(aor).send();
        assertEquals(200, query.status(), () -> query.toString());
        return String.join(",", query.headers("Contact"));
    }

    static String pidf(String entity, String basic, String note) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:" + entity + "\">"
                + "<tuple id=\"t1\"><status><basic>" + basic + "</basic></status><note>" + note + "</note></tuple>"
                + "</presence>";
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
