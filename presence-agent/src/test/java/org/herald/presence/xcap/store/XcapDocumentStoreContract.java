package org.herald.presence.xcap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link XcapDocumentStore} must do; each backend's test extends this. */
public abstract class XcapDocumentStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123Z");

    protected abstract XcapDocumentStore store();

    static XcapDocument document(DocumentKey key, String etag, String body) {
        return new XcapDocument(key, etag, body.getBytes(StandardCharsets.UTF_8), T0);
    }

    @Test
    void savesAndFindsADocumentWithEveryField() {
        DocumentKey key = DocumentKey.user("pres-rules", "sip:alice@example.com", "index");
        XcapDocument d = document(key, "e1", "<ruleset xmlns=\"urn:ietf:params:xml:ns:common-policy\"/>");
        store().save(d);
        XcapDocument found = store().find(key).orElseThrow();
        assertEquals(d, found);
        assertArrayEquals(d.body(), found.body());
        assertTrue(store().find(DocumentKey.user("pres-rules", "sip:bob@example.com", "index")).isEmpty());
    }

    @Test
    void aSaveReplacesTheWholeDocumentAndItsTag() {
        DocumentKey key = DocumentKey.user("resource-lists", "sip:alice@example.com", "index");
        store().save(document(key, "e1", "<a/>"));
        store().save(document(key, "e2", "<b/>"));
        XcapDocument found = store().find(key).orElseThrow();
        assertEquals("e2", found.etag());
        assertEquals("<b/>", new String(found.body(), StandardCharsets.UTF_8));
        assertEquals(1, store().ofUser("sip:alice@example.com").size());
    }

    @Test
    void keysWithSlashesAndOddXuisStayApart() {
        DocumentKey a = DocumentKey.user("resource-lists", "sip:a/b@example.com", "c");
        DocumentKey b = DocumentKey.user("resource-lists", "sip:a@example.com", "b/c");
        DocumentKey global = DocumentKey.global("resource-lists", "users/sip:a@example.com/index");
        store().save(document(a, "ea", "<a/>"));
        store().save(document(b, "eb", "<b/>"));
        store().save(document(global, "eg", "<g/>"));
        assertEquals("ea", store().find(a).orElseThrow().etag());
        assertEquals("eb", store().find(b).orElseThrow().etag());
        assertEquals("eg", store().find(global).orElseThrow().etag());
        assertTrue(store().find(global).orElseThrow().key().isGlobal());
    }

    @Test
    void listsByUserAndByApplication() {
        store().save(document(DocumentKey.user("pres-rules", "sip:carol@example.com", "index"), "1", "<x/>"));
        store().save(document(DocumentKey.user("resource-lists", "sip:carol@example.com", "index"), "2", "<x/>"));
        store().save(document(DocumentKey.user("rls-services", "sip:dave@example.com", "index"), "3", "<x/>"));
        store().save(document(DocumentKey.user("rls-services", "sip:erin@example.com", "index"), "4", "<x/>"));
        assertEquals(List.of("1", "2"), store().ofUser("sip:carol@example.com").stream().map(XcapDocument::etag).sorted().toList());
        assertEquals(List.of("3", "4"), store().ofApplication("rls-services").stream()
                .sorted(Comparator.comparing(XcapDocument::etag)).map(XcapDocument::etag).toList());
    }

    @Test
    void removes() {
        DocumentKey key = DocumentKey.user("pidf-manipulation", "sip:frank@example.com", "index");
        store().save(document(key, "e", "<presence/>"));
        assertTrue(store().remove(key));
        assertFalse(store().remove(key));
        assertTrue(store().find(key).isEmpty());
        assertTrue(store().ofUser("sip:frank@example.com").isEmpty());
    }
}
