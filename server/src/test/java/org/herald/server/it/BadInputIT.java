package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.herald.sip.event.PublishedState;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken input over raw UDP and TCP sockets: garbage, bad headers, oversized requests and
 * hostile XML are answered (or dropped) without harm, and never change stored state.
 */
class BadInputIT {
    private static final String PIDF = "application/pidf+xml";
    private static final Duration QUIET = Duration.ofMillis(500);
    private static TestServer server;
    /** The same server with a small message limit. */
    private static TestServer small;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
        small = TestServer.start("auth.mode=open", "sip.max-message-size=4096");
    }

    @AfterAll
    static void stop() {
        server.close();
        small.close();
    }

    private static RawSipClient connect(String transport, TestServer to) {
        return transport.equals("UDP") ? RawSipClient.udp(to.sipPort) : RawSipClient.tcp(to.sipPort);
    }

    /** A REGISTER query still gets its 200: the server is alive and answering on this socket. */
    private static void assertAnswers(RawSipClient client) {
        RawSipClient.Message ok = client.request("REGISTER", "sip:localhost").from("probe@localhost").to("probe@localhost").send();
        assertEquals(200, ok.status(), () -> ok.toString());
    }

    // ---- malformed SIP ----

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void garbageIsDroppedAndTheServerKeepsAnswering(String transport) {
        List<byte[]> garbage = List.of(
                "HELLO WORLD\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "INVITE\r\nVia\r\n:::\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, '\r', '\n', '\r', '\n'});
        for (byte[] junk : garbage) {
            try (RawSipClient client = connect(transport, server)) {
                client.sendRaw(junk);
                Optional<RawSipClient.Message> answer = client.anyResponse(QUIET);
                assertTrue(answer.isEmpty() || answer.get().status() == 400,
                        () -> "garbage is dropped or refused with 400, not " + answer.get());
            }
        }
        try (RawSipClient client = connect(transport, server)) {
            assertAnswers(client);
        }
    }

    @Test
    void unparsableCSeqIsAnswered400OverUdp() {
        try (RawSipClient client = RawSipClient.udp(server.sipPort)) {
            String text = "OPTIONS sip:localhost SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + client.viaSentBy() + ";branch=z9hG4bK" + RawSipClient.newToken() + ";rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:probe@localhost>;tag=1\r\n"
                    + "To: <sip:localhost>\r\n"
                    + "Call-ID: bad-cseq-" + RawSipClient.newToken() + "\r\n"
                    + "CSeq: abc OPTIONS\r\n"
                    + "Content-Length: 0\r\n\r\n";
            client.send(text);
            RawSipClient.Message answer = client.await(RawSipClient.Message::isResponse, Duration.ofSeconds(5), "a 400");
            assertEquals(400, answer.status(), () -> answer.toString());
            assertAnswers(client);
        }
    }

    // ---- size ----

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void requestOverTheMessageSizeLimitIs513(String transport) {
        String presentity = "big-" + transport.toLowerCase(Locale.ROOT) + "@localhost";
        String body = TransportsIT.pidf(presentity, "open", "x".repeat(8 * 1024));
        try (RawSipClient client = connect(transport, small)) {
            RawSipClient.Message answer = client.request("PUBLISH", "sip:" + presentity)
                    .header("Event", "presence").header("Expires", 600).body(PIDF, body).send();
            assertEquals(513, answer.status(), () -> "an 8 KB PUBLISH with sip.max-message-size=4096:\n" + answer);
            assertEquals(0, small.server().publications().live("presence", Aor.parse(presentity)).size(),
                    "nothing was published");
            // the same request within the limit is fine, on the same socket
            RawSipClient.Message ok = client.request("PUBLISH", "sip:" + presentity)
                    .header("Event", "presence").header("Expires", 600).body(PIDF, TransportsIT.pidf(presentity, "open", "x")).send();
            assertEquals(200, ok.status(), () -> ok.toString());
        }
    }

    // ---- hostile and broken XML ----

    static Stream<Arguments> hostileBodies() {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        String entity = "sip:victim@localhost";
        String billionLaughs = head + "<!DOCTYPE presence [\n"
                + " <!ENTITY lol \"lol\">\n"
                + " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                + " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                + " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                + " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                + " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                + " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                + " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                + " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
                + "]>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + entity + "\">"
                + "<tuple id=\"t1\"><status><basic>open</basic></status><note>&lol9;</note></tuple></presence>";
        String xxe = head + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + entity + "\">"
                + "<tuple id=\"t1\"><status><basic>open</basic></status><note>&e;</note></tuple></presence>";
        String externalDtd = head + "<!DOCTYPE presence SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + entity + "\">"
                + "<tuple id=\"t1\"><status><basic>open</basic></status></tuple></presence>";
        String deep = head + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:x=\"urn:example:x\" entity=\"" + entity + "\">"
                + "<tuple id=\"t1\"><status><basic>open</basic></status>"
                + "<x:a>".repeat(200) + "</x:a>".repeat(200)
                + "</tuple></presence>";
        String notWellFormed = head + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + entity + "\">"
                + "<tuple id=\"t1\"><status><basic>open</basic></status></tuple>";
        String undeclaredEntity = head + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + entity + "\">"
                + "<tuple id=\"t1\"><status><basic>open</basic></status><note>&e;</note></tuple></presence>";
        byte[] badUtf8 = (head + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + entity + "\">"
                + "<tuple id=\"t1\"><status><basic>open</basic></status><note>caf@</note></tuple></presence>")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < badUtf8.length; i++) if (badUtf8[i] == '@') badUtf8[i] = (byte) 0xc3; // a lone lead byte
        return Stream.of(
                Arguments.of("billion laughs", bytes(billionLaughs), "DTD"),
                Arguments.of("XXE file:///etc/passwd", bytes(xxe), "DTD"),
                Arguments.of("external DTD", bytes(externalDtd), "DTD"),
                Arguments.of("200 nested elements", bytes(deep), "nest"),
                Arguments.of("not well-formed", bytes(notWellFormed), "well-formed"),
                Arguments.of("undeclared entity", bytes(undeclaredEntity), "entity 'e'"),
                Arguments.of("invalid UTF-8", badUtf8, "UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void hostileXmlIs400WithAWarningAndLeavesStateAlone(String what, byte[] body, String warningMentions) {
        String presentity = "victim-" + what.replaceAll("[^a-z0-9]", "") + "@localhost";
        byte[] good = TransportsIT.pidf(presentity, "open", "the-real-one").getBytes(StandardCharsets.UTF_8);
        byte[] hostile = new String(body, StandardCharsets.ISO_8859_1).replace("sip:victim@localhost", "sip:" + presentity)
                .getBytes(StandardCharsets.ISO_8859_1);
        try (RawSipClient client = RawSipClient.udp(server.sipPort)) {
            RawSipClient.Message published = client.request("PUBLISH", "sip:" + presentity)
                    .header("Event", "presence").header("Expires", 600).body(PIDF, good).send();
            assertEquals(200, published.status(), () -> published.toString());
            String etag = published.header("SIP-ETag").orElseThrow();
            assertPublished(presentity, etag, good);

            // as a new publication, and as a modification of the valid one
            for (String ifMatch : new String[] {null, etag}) {
                RawSipClient.Request bad = client.request("PUBLISH", "sip:" + presentity)
                        .header("Event", "presence").header("Expires", 600).body(PIDF, hostile);
                if (ifMatch != null) bad.header("SIP-If-Match", ifMatch);
                RawSipClient.Message refused = bad.send();
                assertEquals(400, refused.status(), () -> what + (ifMatch == null ? "" : " (modify)") + ":\n" + refused);
                String warning = refused.header("Warning").orElse("");
                assertTrue(warning.startsWith("399 ") && warning.contains(warningMentions),
                        () -> what + ": a 399 Warning mentioning '" + warningMentions + "', got: " + warning);
                assertTrue(!warning.contains("root:"), () -> "no file content leaks into the Warning: " + warning);
                assertPublished(presentity, etag, good);
            }
        }
    }

    @Test
    void validPidfAsTextPlainIs415AndLeavesStateAlone() {
        String presentity = "plain@localhost";
        String good = TransportsIT.pidf(presentity, "open", "the-real-one");
        try (RawSipClient client = RawSipClient.udp(server.sipPort)) {
            RawSipClient.Message published = client.request("PUBLISH", "sip:" + presentity)
                    .header("Event", "presence").header("Expires", 600).body(PIDF, good).send();
            assertEquals(200, published.status(), () -> published.toString());
            String etag = published.header("SIP-ETag").orElseThrow();

            RawSipClient.Message refused = client.request("PUBLISH", "sip:" + presentity)
                    .header("Event", "presence").header("Expires", 600).header("SIP-If-Match", etag)
                    .body("text/plain", TransportsIT.pidf(presentity, "closed", "as-text")).send();
            assertEquals(415, refused.status(), () -> refused.toString());
            assertTrue(refused.header("Accept").orElse("").contains(PIDF), () -> "415 names what is accepted:\n" + refused);
            assertPublished(presentity, etag, good.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void assertPublished(String presentity, String etag, byte[] body) {
        List<PublishedState> live = server.server().publications().live("presence", Aor.parse(presentity));
        assertEquals(1, live.size(), () -> "exactly the valid publication is live: " + live);
        assertEquals(etag, live.get(0).publication().entityTag(), "its entity tag is unchanged");
        assertArrayEquals(body, live.get(0).publication().body(), "its body is unchanged");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
