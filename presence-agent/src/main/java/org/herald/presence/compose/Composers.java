package org.herald.presence.compose;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.sip.message.Aor;

/**
 * Picks each presentity's {@link Composer} from its stored {@link CompositionPolicy}, or the default.
 * The store is read once per presentity and the choice cached until {@link #forget} (the presentity has
 * no live publication left) or {@link #choose}; one composer is built per distinct policy and shared.
 * A store that fails is not fatal: the presentity composes with the default this time and the store is
 * asked again next time, so a PUBLISH is never refused for it.
 *
 * <p>A new choice applies from the presentity's next change of publications: the compositor is
 * called only then.
 */
public final class Composers {
    private final PolicyStore store;
    private final CompositionPolicy defaultPolicy;
    private final Freshness freshness;
    private final PublicationSource source;
    private final Composer fixed;
    private final Map<Aor, Composer> byPresentity = new ConcurrentHashMap<>();
    private final Map<CompositionPolicy, Composer> byPolicy = new ConcurrentHashMap<>();

    /**
     * @param store         the presentities' choices
     * @param defaultPolicy for presentities without one (default {@link CompositionPolicy#UNION})
     * @param freshness     what counts as stale, for every policy
     * @param source        who published, for source priority (default {@link PublicationSource#DOCUMENT})
     */
    public Composers(PolicyStore store, CompositionPolicy defaultPolicy, Freshness freshness, PublicationSource source) {
        this.store = Objects.requireNonNull(store, "store");
        this.defaultPolicy = Objects.requireNonNull(defaultPolicy, "defaultPolicy");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.source = Objects.requireNonNull(source, "source");
        this.fixed = null;
    }

    private Composers(Composer composer) {
        this.store = null;
        this.defaultPolicy = null;
        this.freshness = null;
        this.source = null;
        this.fixed = Objects.requireNonNull(composer, "composer");
    }

    /** The same composer for every presentity, no store: what a package built with one composer uses. */
    public static Composers fixed(Composer composer) {
        return new Composers(composer);
    }

    /** The composer for this presentity's chosen policy. */
    public Composer forPresentity(Aor presentity) {
        if (fixed != null) return fixed;
        Composer cached = byPresentity.get(presentity);
        if (cached != null) return cached;
        CompositionPolicy policy;
        try {
            policy = store.find(presentity).orElse(defaultPolicy);
        } catch (RuntimeException e) {
            return composer(defaultPolicy);
        }
        Composer composer = composer(policy);
        byPresentity.putIfAbsent(presentity, composer);
        return composer;
    }

    /** The composer for presentities that chose nothing. */
    public Composer defaultComposer() {
        return fixed != null ? fixed : composer(defaultPolicy);
    }

    /** The presentity's stored choice, if it made one. */
    public java.util.Optional<CompositionPolicy> chosen(Aor presentity) {
        return requireStore().find(presentity);
    }

    /** The policy of presentities that chose none. */
    public CompositionPolicy defaultPolicy() {
        return defaultPolicy;
    }

    /** Stores the presentity's choice and uses it from its next change. */
    public void choose(Aor presentity, CompositionPolicy policy) {
        requireStore().save(presentity, policy);
        byPresentity.put(presentity, composer(policy));
    }

    /** Removes the presentity's choice: the default applies from its next change. */
    public void reset(Aor presentity) {
        requireStore().remove(presentity);
        byPresentity.remove(presentity);
    }

    /** Drops the cached choice, e.g. once nothing is published for the presentity or the store was changed behind us. */
    public void forget(Aor presentity) {
        byPresentity.remove(presentity);
    }

    private PolicyStore requireStore() {
        if (store == null) throw new IllegalStateException("a fixed composer has no policies to choose");
        return store;
    }

    private Composer composer(CompositionPolicy policy) {
        return byPolicy.computeIfAbsent(policy, p -> switch (p) {
            case CompositionPolicy.Union u -> RankedComposer.union(freshness);
            case CompositionPolicy.Overriding o -> RankedComposer.overriding(freshness);
            case CompositionPolicy.ByTimestamp t -> RankedComposer.byTimestamp(freshness);
            case CompositionPolicy.BySourcePriority s -> RankedComposer.bySourcePriority(freshness, s.ranking(), source);
            case CompositionPolicy.ByDeviceActivity a -> RankedComposer.byDeviceActivity(freshness);
            case CompositionPolicy.Merge m -> new PivotComposer(freshness, m.pivot());
        });
    }
}
