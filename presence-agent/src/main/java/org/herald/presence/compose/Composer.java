package org.herald.presence.compose;

import java.util.List;
import java.util.function.UnaryOperator;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.sip.event.PublishedState;
import org.herald.sip.message.Aor;

/**
 * Turns a presentity's live publications into the one document its watchers see: the policy part of
 * RFC 3903's event state compositor, which RFC 3903 and RFC 4479 both leave to the server. Called once
 * per change, never per watcher, so the result is shared by every NOTIFY until the next change.
 *
 * <p>Policies are implementations, named by {@link CompositionPolicy} and chosen per presentity by
 * {@link Composers}: {@link RankedComposer} (union, the default, also as
 * {@link NewestPerTupleComposer}; overriding; by timestamp, source priority or device activity) and
 * {@link PivotComposer} (merge). Post-processing steps chain with {@link #then}. What depends on the
 * watcher (privacy filtering) cannot live here, since one composition serves all watchers: it belongs
 * to the package's render step, on top of the composed document.
 */
@FunctionalInterface
public interface Composer {

    /**
     * @param presentity the resource the publications are for
     * @param live       its live publications, oldest first by {@code Publication.sequence}; each state
     *                   is a {@link PresenceState} (others are ignored)
     * @return never null; a document with the presentity's entity and no tuples if nothing is live
     */
    PresenceDocument compose(Aor presentity, List<PublishedState> live);

    /** This composition followed by a step over its result, e.g. dropping closed tuples. */
    default Composer then(UnaryOperator<PresenceDocument> step) {
        return (presentity, live) -> step.apply(compose(presentity, live));
    }
}
