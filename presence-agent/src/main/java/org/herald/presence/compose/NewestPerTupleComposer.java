package org.herald.presence.compose;

import java.time.InstantSource;
import java.util.List;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.sip.event.PublishedState;
import org.herald.sip.message.Aor;

/**
 * The default composition, {@link CompositionPolicy.Union}: the union of every live publication's
 * tuples, persons and devices, where for an id published more than once (per kind of element) the
 * newest publication wins. A client that left an older publication behind saying {@code open} therefore
 * cannot hide a newer {@code closed} with the same id, while two devices publishing different tuple ids
 * both show. Document-level notes and extensions are united, newest publication first, duplicates once.
 * Stale data is dropped first (see {@link Freshness}).
 *
 * <p>Output order: newest publication's items first, each publication's in document order. The entity
 * is the newest publication's {@code entity} if it names the presentity, else the presentity's
 * {@code sip:} URI. Kept under this name, which the server wires, as the union policy's composer.
 */
public final class NewestPerTupleComposer implements Composer {
    private final Composer union;

    /** Judging staleness by the system clock, without a maximum age. */
    public NewestPerTupleComposer() {
        this(Freshness.at(InstantSource.system()));
    }

    public NewestPerTupleComposer(Freshness freshness) {
        this.union = RankedComposer.union(freshness);
    }

    @Override
    public PresenceDocument compose(Aor presentity, List<PublishedState> live) {
        return union.compose(presentity, live);
    }
}
