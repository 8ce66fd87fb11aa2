package org.herald.presence;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.privacy.Authorizer;
import org.herald.presence.privacy.Decision;
import org.herald.presence.privacy.Permissions;
import org.herald.presence.privacy.PresRulesParser;
import org.herald.presence.privacy.PresenceFilter;
import org.herald.presence.privacy.PrivacyDefaults;
import org.herald.presence.privacy.RuleSet;
import org.herald.presence.privacy.TransformedViews;
import org.herald.presence.privacy.Watcher;
import org.herald.sip.event.InvalidBodyException;
import org.herald.sip.message.Aor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence package's RFC 5025 privacy: each watcher's {@link Decision}, made when it subscribes
 * and kept until the presentity's rules change ({@link #rulesChanged}), its sphere changes or a
 * validity interval starts or ends; one body per distinct outcome ({@link TransformedViews}). A
 * publication to a presentity with many watchers therefore runs neither the rules nor the filter per
 * NOTIFY.
 */
public final class PresenceAuthorization {
    private static final Logger log = LoggerFactory.getLogger(PresenceAuthorization.class);
    private static final int MAX_DECISIONS = 200_000;

    /** A presentity's stored pres-rules document, if it has one (the XCAP {@code pres-rules} usage). */
    @FunctionalInterface
    public interface RulesSource {
        RulesSource NONE = presentity -> Optional.empty();

        Optional<byte[]> rules(Aor presentity);
    }

    private record DecisionKey(Aor presentity, Aor watcher) {}

    private record Cached(RuleSet rules, Optional<String> sphere, Instant validUntil, Decision decision) {}

    /** What a presentity without a pres-rules document has, told apart from an empty one by identity. */
    private static final RuleSet NO_DOCUMENT = new RuleSet(java.util.List.of());

    private final RulesSource source;
    private final Authorizer authorizer;
    private final Authorizer withoutRules;
    private final InstantSource clock;
    private final PresRulesParser parser = new PresRulesParser();
    private final TransformedViews bodies = new TransformedViews();
    private final Map<Aor, RuleSet> rules = new ConcurrentHashMap<>();
    private final Map<DecisionKey, Cached> decisions = new ConcurrentHashMap<>();
    /** When a validity interval of a presentity's rules next starts or ends. */
    private final Map<Aor, Instant> nextChanges = new ConcurrentHashMap<>();

    /**
     * @param defaults      for watchers no rule of a presentity's document decides for
     * @param withoutRules  for authenticated watchers of a presentity that has no document at all
     */
    public PresenceAuthorization(RulesSource source, PrivacyDefaults defaults, Permissions withoutRules,
                                 InstantSource clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.authorizer = new Authorizer(defaults, clock);
        this.withoutRules = new Authorizer(defaults.withOthers(withoutRules), clock);
        this.clock = clock;
    }

    /** Everyone sees everything: no rules, {@link PrivacyDefaults#OPEN}. */
    public static PresenceAuthorization open() {
        return new PresenceAuthorization(RulesSource.NONE, PrivacyDefaults.OPEN, Permissions.ALLOW_ALL,
                InstantSource.system());
    }

    /** What {@code watcher} may see of {@code presentity}, whose composed document is {@code document}. */
    public Decision decide(Aor presentity, Aor watcher, PresenceDocument document) {
        RuleSet set = rules.computeIfAbsent(presentity, this::load);
        Instant now = clock.instant();
        Optional<String> sphere = usesSphere(set) ? PresenceFilter.currentSphere(document, now) : Optional.empty();
        DecisionKey key = new DecisionKey(presentity, watcher);
        Cached cached = decisions.get(key);
        if (cached != null && cached.rules() == set && cached.sphere().equals(sphere) && now.isBefore(cached.validUntil())) {
            return cached.decision();
        }
        Decision decision = (set == NO_DOCUMENT ? withoutRules : authorizer).decide(presentity, set, identity(watcher), sphere);
        if (decisions.size() >= MAX_DECISIONS) decisions.clear(); // unsubscribed watchers leave entries behind
        Instant validUntil = set.nextChange(now).orElse(Instant.MAX);
        if (!validUntil.equals(Instant.MAX)) nextChanges.merge(presentity, validUntil, (a, b) -> a.isBefore(b) ? a : b);
        decisions.put(key, new Cached(set, sphere, validUntil, decision));
        return decision;
    }

    /** The NOTIFY body for watchers with these permissions; the view's own bytes when they see it all. */
    public byte[] body(PresenceView view, Permissions permissions) {
        if (permissions.equals(Permissions.ALLOW_ALL)) return view.body();
        return bodies.body(view.resource(), view.version(), view.document(), permissions);
    }

    /** Bodies filtered and written since start: one per presentity version and distinct permissions. */
    public long bodiesRendered() {
        return bodies.misses();
    }

    /**
     * Presentities whose rules have a validity interval that started or ended by {@code now}: their
     * watchers must be decided again though nothing was written. Each is returned once per change.
     */
    public List<Aor> validityChanged(Instant now) {
        List<Aor> due = new ArrayList<>();
        nextChanges.forEach((presentity, at) -> {
            if (!now.isBefore(at) && nextChanges.remove(presentity, at)) due.add(presentity);
        });
        return due;
    }

    /** Whether a rule of the presentity's depends on its sphere, so a new sphere may change decisions. */
    public boolean dependsOnSphere(Aor presentity) {
        RuleSet set = rules.get(presentity);
        return set != null && usesSphere(set);
    }

    /** The presentity's rules were written or deleted: the next decisions read them again. */
    public void rulesChanged(Aor presentity) {
        rules.remove(presentity);
        decisions.keySet().removeIf(k -> k.presentity().equals(presentity));
    }

    /** The presentity has no publications left: its cached bodies are of no use. */
    public void forget(Aor presentity) {
        bodies.forget(presentity);
    }

    private RuleSet load(Aor presentity) {
        Optional<byte[]> document = source.rules(presentity);
        if (document.isEmpty()) return NO_DOCUMENT;
        try {
            return parser.parse(document.get());
        } catch (InvalidBodyException e) {
            // XCAP validated it when it was written; a document that no longer parses grants nothing
            log.warn("pres-rules of {} do not parse, applying the defaults: {}", presentity, e.getMessage());
            return RuleSet.EMPTY;
        }
    }

    private static boolean usesSphere(RuleSet set) {
        return set.rules().stream().anyMatch(r -> !r.conditions().spheres().isEmpty());
    }

    /** RFC 3323's anonymous From is not an identity a rule may name. */
    private static Watcher identity(Aor watcher) {
        return watcher.host().equalsIgnoreCase("anonymous.invalid") ? Watcher.anonymous() : Watcher.of(watcher);
    }
}
