package org.herald.presence.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A presentity's presence authorization rules: a parsed {@code <cr:ruleset>} (RFC 4745, RFC 5025).
 * Rule order carries no meaning; every matching rule contributes.
 *
 * @param rules in document order, ids unique
 */
public record RuleSet(List<Rule> rules) {

    /** No rules: every watcher gets the configured default. */
    public static final RuleSet EMPTY = new RuleSet(List.of());

    public RuleSet {
        rules = List.copyOf(rules);
    }

    /**
     * The first time after {@code now} at which a validity condition may start or stop holding: the
     * presence package re-evaluates its watchers then, since the outcome can change though nothing
     * was published or written.
     */
    public Optional<Instant> nextChange(Instant now) {
        Instant next = null;
        for (Rule r : rules) {
            for (Validity v : r.conditions().validities()) {
                Instant t = v.nextChange(now).orElse(null);
                if (t != null && (next == null || t.isBefore(next))) next = t;
            }
        }
        return Optional.ofNullable(next);
    }
}
