package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.herald.sip.message.Aor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partial publication (RFC 5264) over real sockets: full state as pidf-full, then RFC 5261 patches
 * against the publication named by SIP-If-Match; a patch that does not apply is refused and changes
 * nothing.
 */
class PublicationPartialIT {
    private static final String DIFF = "application/pidf-diff+xml";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String doc(String root, String aor, String children) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<p:" + root + " xmlns=\"urn:ietf:params:xml:ns:pidf\""
                + " xmlns:p=\"urn:ietf:params:xml:ns:pidf-diff\" entity=\"pres:" + aor + "\" version=\"1\">" + children + "</p:" + root + ">";
    }

    private static RawSipClient.Message publish(RawSipClient client, String aor, String body, String etag) {
        RawSipClient.Request r = client.request("PUBLISH", "sip:" + aor).from(aor).to(aor).header("Event", "presence")
                .header("Expires", 600).body(DIFF, body);
        if (etag != null) r.header("SIP-If-Match", etag);
        return r.send();
    }

    private static String composed(String aor) {
        return new String(server.server().publications().live("presence", Aor.parse(aor)).get(0).publication().body(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void fullStateThenPatchesAppliedAtomically() {
        String aor = "ppub-alice@localhost";
        try (RawSipClient alice = RawSipClient.udp(server.sipPort)) {
            RawSipClient.Message first = publish(alice, aor, doc("pidf-full", aor,
                    "<tuple id=\"a\"><status><basic>open</basic></status></tuple><note>one</note>"), null);
            assertEquals(200, first.status(), first::toString);
            String etag = first.header("SIP-ETag").orElseThrow().trim();

            assertEquals(400, publish(alice, aor, doc("pidf-diff", aor, "<p:remove sel=\"*/note\"/>"), null).status(),
                    "a patch needs the publication it changes");

            RawSipClient.Message patched = publish(alice, aor, doc("pidf-diff", aor,
                    "<p:replace sel=\"*/tuple[@id='a']/status/basic/text()\">closed</p:replace>"
                            + "<p:add sel=\"*\"><tuple id=\"b\"><status><basic>open</basic></status></tuple></p:add>"), etag);
            assertEquals(200, patched.status(), patched::toString);
            String after = composed(aor);
            assertTrue(after.contains("<basic>closed</basic>") && after.contains("id=\"b\"") && after.contains("one"), after);
            etag = patched.header("SIP-ETag").orElseThrow().trim();

            RawSipClient.Message bad = publish(alice, aor, doc("pidf-diff", aor,
                    "<p:remove sel=\"*/note\"/><p:remove sel=\"*/tuple[@id='zz']\"/>"), etag);
            assertEquals(400, bad.status(), bad::toString);
            assertEquals(after, composed(aor), "nothing changed");

            assertEquals(200, publish(alice, aor, doc("pidf-diff", aor, "<p:remove sel=\"*/note\"/>"), etag).status(),
                    "the entity tag is still valid after a refused patch");
            assertTrue(!composed(aor).contains("one"));
        }
    }
}
