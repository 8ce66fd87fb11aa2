package org.herald.presence.partial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.event.Dialog;
import org.herald.sip.event.EntityTags;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.Test;

/** RFC 5262/5263: full state first, then diffs whose version grows by one; a gap or a refusal gives full state. */
class PartialNotificationsTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\""
            + " xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\" entity=\"pres:alice@example.com\">";
    private final PartialNotifications partial = new PartialNotifications(XmlLimits.DEFAULT);

    private static byte[] doc(String children) {
        return (HEAD + children + "</presence>").getBytes(StandardCharsets.UTF_8);
    }

    private static String tuple(String id, String basic) {
        return "<tuple id=\"" + id + "\"><status><basic>" + basic + "</basic></status></tuple>";
    }

    private static Subscription at(long cseq) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Dialog d = new Dialog("c", "l", "r", "sip:alice@example.com", "sip:bob@example.com", "sip:bob@h", List.of(), cseq, 1, "sip:h");
        return new Subscription("s1", "presence", "", Aor.parse("alice@example.com"), Aor.parse("bob@example.com"), d,
                SubscriptionState.ACTIVE, t.plusSeconds(600), List.of("application/pidf+xml, application/pidf-diff+xml"), null, 1000, t);
    }

    private String send(long cseq, byte[] pidf, boolean accepted) {
        NotifyBody body = partial.render(at(cseq), pidf, "application/pidf+xml");
        assertEquals("application/pidf-diff+xml", body.contentType());
        assertEquals(EntityTags.of("application/pidf+xml", pidf), body.tag(), "the tag of the full state");
        partial.notified(at(cseq), accepted);
        return new String(body.content(), StandardCharsets.UTF_8);
    }

    @Test
    void fullStateFirstThenOnlyWhatChangedWithTheNextVersion() {
        assertTrue(PartialNotifications.wanted(at(1)));
        String full = send(1, doc(tuple("a", "open") + tuple("b", "open") + "<dm:person id=\"p\"/>"), true);
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<p:pidf-full xmlns:p=\"urn:ietf:params:xml:ns:pidf-diff\""
                + " xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " entity=\"pres:alice@example.com\" version=\"1\">" + tuple("a", "open") + tuple("b", "open")
                + "<dm:person id=\"p\"/></p:pidf-full>", full.trim());

        String diff = send(2, doc(tuple("a", "closed") + "<dm:person id=\"p\"/>" + tuple("c", "open")), true);
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<p:pidf-diff xmlns:p=\"urn:ietf:params:xml:ns:pidf-diff\""
                + " xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " entity=\"pres:alice@example.com\" version=\"2\">"
                + "<p:remove sel=\"*/tuple[@id=&quot;b&quot;]\"/>"
                + "<p:replace sel=\"*/tuple[@id=&quot;a&quot;]\">" + tuple("a", "closed") + "</p:replace>"
                + "<p:add sel=\"*\">" + tuple("c", "open") + "</p:add></p:pidf-diff>", diff.trim());
    }

    @Test
    void aRefusedNotifyOrAGapOrAChangeWithoutIdsGivesFullState() {
        send(1, doc(tuple("a", "open")), true);
        assertTrue(send(2, doc(tuple("a", "closed")), false).contains("pidf-diff"), "a diff, refused");
        assertTrue(send(3, doc(tuple("a", "open")), true).contains("pidf-full"), "after a refusal");
        assertTrue(send(5, doc(tuple("a", "closed")), true).contains("pidf-full"), "version 4 never reached the watcher");
        assertTrue(send(6, doc(tuple("a", "closed") + "<note>hi</note>"), true).contains("pidf-full"), "a note has no id");
        assertTrue(send(7, doc(tuple("a", "open") + "<note>hi</note>"), true).contains("pidf-diff"));
    }

    @Test
    void aRenderThatIsNotSentChangesNothing() {
        send(1, doc(tuple("a", "open")), true);
        partial.render(at(2), doc(tuple("a", "open")), "application/pidf+xml"); // same state: the notifier skips it
        assertTrue(send(2, doc(tuple("a", "closed")), true).contains("pidf-diff"));
    }
}
