package org.herald.presence.privacy;

import java.util.List;
import org.herald.presence.pidf.Basic;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Tuple;

/**
 * The document a polite-blocked watcher receives (RFC 5025 §3.2.1): "unavailable", the same for every
 * such watcher and at every moment, so nothing in it depends on the presentity's real state — and
 * nothing in when it is sent either, provided the presence package sends a watcher a NOTIFY only when
 * its bytes change (for this document: never after the first). Exactly: the presentity's entity, one
 * tuple with id {@value #TUPLE_ID} and basic status {@code closed}, and nothing else — no contact (it
 * would reveal an address), no timestamp (it would reveal when something changed), no note, no person,
 * device or extension.
 *
 * <p>What remains telling is only what cannot be helped: a watcher that earlier saw the real tuple ids
 * sees them replaced. For the same reason the presence package should describe a presentity with no
 * presence at all (no publication, no registration) with this same document, so that "blocked" and
 * "offline" look alike.
 */
public final class PoliteBlock {
    /** The id of the one closed tuple: opaque, and the same for every presentity. */
    public static final String TUPLE_ID = "t0";

    private PoliteBlock() {}

    /** The neutral document for {@code entity} (the presentity's URI as the watcher subscribed to it). */
    public static PresenceDocument document(String entity) {
        return new PresenceDocument(entity, List.of(Tuple.of(TUPLE_ID, Basic.CLOSED, null)), List.of(), List.of());
    }
}
