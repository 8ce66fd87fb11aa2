package org.herald.presence.privacy;

import java.time.InstantSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.herald.sip.message.Aor;

/**
 * Decides what one watcher may see of one presentity: finds the rules whose conditions hold and
 * combines their permissions (RFC 4745 §10), or falls back to {@link PrivacyDefaults}. Pure: the
 * watcher, the presentity's current sphere and the rules are arguments, the time comes from the
 * injected clock.
 *
 * <p>Run it when a subscription arrives, when the presentity's rules change, when its sphere changes,
 * and at {@link RuleSet#nextChange}; not per NOTIFY. The result is the same for every watcher with
 * the same outcome, so their bodies can be shared (see {@link TransformedViews}).
 */
public final class Authorizer {
    private final PrivacyDefaults defaults;
    private final InstantSource clock;

    public Authorizer(PrivacyDefaults defaults, InstantSource clock) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Authorizer() {
        this(PrivacyDefaults.DEFAULT, InstantSource.system());
    }

    /**
     * @param presentity whose presence is asked for
     * @param rules      its rules, {@link RuleSet#EMPTY} if it has none
     * @param watcher    who asks
     * @param sphere     the presentity's current sphere ({@link PresenceFilter#currentSphere}); empty if unknown,
     *                   in which case no rule with a sphere condition applies
     */
    public Decision decide(Aor presentity, RuleSet rules, Watcher watcher, Optional<String> sphere) {
        if (isSelf(presentity, watcher)) return new Decision(defaults.self(), Decision.Basis.SELF, List.of());
        Instant now = clock.instant();
        Permissions combined = null;
        List<String> matched = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (!applies(rule, rules, watcher, sphere, now)) continue;
            matched.add(rule.id());
            combined = combined == null ? rule.permissions() : combined.combine(rule.permissions());
        }
        if (combined == null) {
            Permissions fallback = watcher instanceof Watcher.Anonymous ? defaults.anonymous() : defaults.others();
            return new Decision(fallback, Decision.Basis.DEFAULT, List.of());
        }
        return new Decision(combined.canonical(), Decision.Basis.RULES, matched);
    }

    private static boolean applies(Rule rule, RuleSet all, Watcher watcher, Optional<String> sphere, Instant now) {
        Conditions c = rule.conditions();
        if (c.unsupported()) return false;
        boolean anonymous = watcher instanceof Watcher.Anonymous;
        if (c.anonymousOnly() && !anonymous) return false;
        if (c.otherIdentity() && (anonymous || namedByAnotherRule(rule, all, watcher))) return false;
        return c.identityMatches(watcher) && c.circumstancesMatch(sphere, now);
    }

    /**
     * For OMA's {@code <other-identity/>}: does another rule's identity condition name the watcher?
     * Only identities count, not those rules' sphere or validity, so a friend whose own rule is out of
     * its validity window does not fall into the "everyone else" rule.
     */
    private static boolean namedByAnotherRule(Rule self, RuleSet all, Watcher watcher) {
        for (Rule r : all.rules()) {
            if (r != self && !r.conditions().identities().isEmpty() && r.conditions().identityMatches(watcher)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSelf(Aor presentity, Watcher watcher) {
        return watcher instanceof Watcher.Authenticated(String uri)
                && UriEquivalence.identity(uri).equals(UriEquivalence.identity(presentity.uri()));
    }
}
