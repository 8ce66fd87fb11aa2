package org.herald.sip.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.herald.sip.message.Aor;
import org.herald.sip.publish.Publication;
import org.herald.sip.publish.PublicationStore;
import org.junit.jupiter.api.Test;

/** What every {@link PublicationStore} must do. */
public abstract class PublicationStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    protected abstract PublicationStore store();

    private static Publication publication(String id, String etag) {
        return new Publication(id, etag, "presence", Aor.parse("alice@example.com"), "application/pidf+xml",
                "<presence/>".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(3600), T0, 42);
    }

    @Test
    void findsByEntityTagWithEveryField() {
        Publication p = publication("p1", "e1");
        store().save(p);
        Publication found = store().findByEntityTag("e1").orElseThrow();
        assertEquals(p.id(), found.id());
        assertEquals(p.resource(), found.resource());
        assertEquals(p.expiresAt(), found.expiresAt());
        assertEquals(p.sequence(), found.sequence());
        assertArrayEquals(p.body(), found.body());
    }

    @Test
    void aModificationReplacesTheDocumentAndItsTag() {
        store().save(publication("p2", "e2"));
        store().save(publication("p2", "e3"));
        assertTrue(store().findByEntityTag("e2").isEmpty());
        assertEquals("p2", store().findByEntityTag("e3").orElseThrow().id());
        assertEquals(1, store().all().stream().filter(p -> p.id().equals("p2")).count());
    }

    @Test
    void removes() {
        store().save(publication("p4", "e4"));
        store().remove("p4");
        assertTrue(store().findByEntityTag("e4").isEmpty());
        assertEquals(0, store().count());
    }
}
