package org.herald.presence.partial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.herald.presence.PresencePackage;
import org.herald.presence.compose.PresenceState;
import org.herald.presence.pidf.Basic;
import org.herald.presence.xml.SafeDom;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.event.InvalidBodyException;
import org.herald.sip.event.PartialState;
import org.herald.sip.event.PublishedState;
import org.herald.sip.message.Aor;
import org.herald.sip.message.MediaType;
import org.herald.sip.publish.Publication;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** RFC 5261 operations as RFC 5264 partial publications use them, on Herald's presence package. */
class XmlPatchTest {
    private static final MediaType DIFF = MediaType.of("application/pidf-diff+xml");
    private static final String FULL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<p:pidf-full xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:p=\"urn:ietf:params:xml:ns:pidf-diff\""
            + " entity=\"pres:alice@example.com\" version=\"1\">"
            + "<tuple id=\"a\"><status><basic>open</basic></status><contact priority=\"0.8\">sip:a@example.com</contact></tuple>"
            + "<tuple id=\"b\"><status><basic>open</basic></status></tuple><note>hello</note></p:pidf-full>";
    private final PresencePackage presence = new PresencePackage();

    private static String diff(String ops) {
        return "<p:pidf-diff xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:p=\"urn:ietf:params:xml:ns:pidf-diff\""
                + " entity=\"pres:alice@example.com\" version=\"2\">" + ops + "</p:pidf-diff>";
    }

    private PublishedState previous() throws InvalidBodyException {
        byte[] body = FULL.getBytes(StandardCharsets.UTF_8);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        var p = new Publication("p1", "e1", "presence", Aor.parse("alice@example.com"), DIFF.toString(), body, t.plusSeconds(60), t, 1);
        return new PublishedState(p, presence.parse(DIFF, body));
    }

    private PartialState.Full apply(String ops) throws InvalidBodyException {
        var patch = assertInstanceOf(PartialState.class, presence.parse(DIFF, diff(ops).getBytes(StandardCharsets.UTF_8)));
        return patch.applyTo(previous());
    }

    @Test
    void pidfFullIsFullState() throws Exception {
        var state = assertInstanceOf(PresenceState.class, presence.parse(DIFF, FULL.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, state.document().tuples().size());
    }

    @Test
    void replaceAddAndRemoveApplyInOrder() throws Exception {
        PartialState.Full full = apply("<p:replace sel=\"*/tuple[@id='a']/status/basic/text()\">closed</p:replace>"
                + "<p:add sel=\"*\"><tuple id=\"c\"><status><basic>open</basic></status></tuple></p:add>"
                + "<p:remove sel=\"*/tuple[@id='b']\"/>"
                + "<p:replace sel=\"*/tuple[@id='a']/contact/@priority\">0.1</p:replace>"
                + "<p:add sel=\"*/note\" pos=\"before\"><tuple id=\"d\"><status><basic>closed</basic></status></tuple></p:add>");
        assertEquals("application/pidf+xml", full.contentType());
        var doc = assertInstanceOf(PresenceState.class, full.state()).document();
        assertEquals(java.util.List.of("a", "d", "c"), doc.tuples().stream().map(t -> t.id()).toList());
        assertEquals(Basic.CLOSED, doc.tuples().get(0).status().basic());
        String text = new String(full.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("priority=\"0.1\""), text);
        assertTrue(text.indexOf("id=\"d\"") < text.indexOf("<note>"), text);
    }

    @Test
    void aPatchThatDoesNotApplyIsRefusedAndChangesNothing() throws Exception {
        assertThrows(InvalidBodyException.class, () -> apply("<p:remove sel=\"*/tuple\"/>"), "two nodes");
        assertThrows(InvalidBodyException.class, () -> apply("<p:remove sel=\"*/tuple[@id='zz']\"/>"), "none");
        assertThrows(InvalidBodyException.class, () -> apply("<p:remove sel=\"*/tuple[@id='b']\"/><p:remove sel=\"*/tuple[@id='b']\"/>"),
                "the second finds nothing: the whole patch fails");
        assertThrows(InvalidBodyException.class, () -> apply("<p:remove sel=\"doc('/etc/passwd')\"/>"));
        assertThrows(InvalidBodyException.class, () -> apply("<p:remove sel=\"*/tuple[@id='a']/status\"/>"),
                "a tuple without status is not PIDF");
        Document before = SafeDom.parse(FULL.getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT);
        String was = before.getDocumentElement().getTextContent();
        assertThrows(XmlPatch.PatchException.class, () -> XmlPatch.apply(before,
                SafeDom.parse(diff("<p:remove sel=\"*/note\"/><p:remove sel=\"*/nothing\"/>").getBytes(StandardCharsets.UTF_8),
                        XmlLimits.DEFAULT).getDocumentElement()));
        assertEquals(was, before.getDocumentElement().getTextContent(), "the original is untouched");
    }
}
