package org.herald.presence.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.Test;

class RlmiBodyTest {
    private static final Aor LIST = Aor.parse("sip:friends@example.com");
    private static final byte[] PIDF = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:bob@example.com\"/>"
            .getBytes(StandardCharsets.UTF_8);

    private static NotifyBody body(long version, byte[] pidf) {
        return RlmiBody.of(LIST, version, List.of(new RlmiBody.Member.Active(Aor.parse("sip:bob@example.com"), pidf),
                new RlmiBody.Member.Pending(Aor.parse("sip:carol@example.com")),
                new RlmiBody.Member.Rejected(Aor.parse("sip:dave@example.com"))));
    }

    @Test
    void aMultipartWithTheRlmiDocumentFirstAndOnePartPerVisibleMember() {
        NotifyBody b = body(7, PIDF);
        assertTrue(b.contentType().startsWith("multipart/related;type=\"application/rlmi+xml\";start=\"<"), b.contentType());
        String text = new String(b.content(), StandardCharsets.UTF_8);
        String boundary = b.contentType().replaceAll(".*boundary=\"([^\"]+)\".*", "$1");
        assertEquals(3, text.split("--" + boundary, -1).length - 1, "two parts and the closing delimiter");
        assertTrue(text.indexOf("application/rlmi+xml") < text.indexOf("application/pidf+xml"));
        assertTrue(text.contains("uri=\"sip:friends@example.com\" version=\"7\" fullState=\"true\""), text);
        assertTrue(text.contains("state=\"pending\"") && text.contains("state=\"terminated\" reason=\"rejected\""), text);
        assertTrue(text.endsWith("--" + boundary + "--\r\n"));
    }

    @Test
    void theEntityTagFollowsTheStateNotTheVersion() {
        assertEquals(body(1, PIDF).tag(), body(2, PIDF).tag());
        assertNotEquals(body(1, PIDF).tag(), body(1, "<presence/>".getBytes(StandardCharsets.UTF_8)).tag());
    }
}
