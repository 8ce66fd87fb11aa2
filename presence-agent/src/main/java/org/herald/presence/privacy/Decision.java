package org.herald.presence.privacy;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of authorizing one watcher: its permissions, and why, for traces and watcher-info.
 *
 * @param permissions canonical ({@link Permissions#canonical}), the key for {@link TransformedViews}
 * @param basis       where they came from
 * @param rules       ids of the rules that matched, in document order; empty unless basis is RULES
 */
public record Decision(Permissions permissions, Basis basis, List<String> rules) {

    /** Where a decision came from. */
    public enum Basis {
        /** The presentity watching itself: {@link PrivacyDefaults#self()}. */
        SELF,
        /** One or more rules matched and were combined. */
        RULES,
        /** No rule matched: {@link PrivacyDefaults#others()} or {@link PrivacyDefaults#anonymous()}. */
        DEFAULT
    }

    public Decision {
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(basis, "basis");
        rules = List.copyOf(rules);
    }

    public SubHandling subHandling() {
        return permissions.subHandling();
    }
}
