package org.herald.presence.privacy;

import java.util.Objects;

/**
 * What a watcher gets when no rule of the presentity's applies, which RFC 5025 leaves to the server
 * (RFC 4745 §10.2 alone would give the lowest value, block, to everyone unknown).
 *
 * <p>Kamailio's {@code presence_xml} has one switch, {@code force_active} (default 0): off, a watcher
 * no rule names stays pending (and with no pres-rules document at all, every watcher does); on,
 * rules are not consulted and every subscription is active with the full document. Herald's
 * {@link #DEFAULT} is Kamailio's default, {@code confirm}: a wrong "confirm" is visible and undone by
 * one rule (the presentity sees the pending watcher in watcher-info), while a wrong "allow" has
 * already told a stranger where someone is, and cannot be taken back. {@link #OPEN} is
 * {@code force_active=1}, for deployments whose users have no way to write rules.
 *
 * @param self      for the presentity watching itself, from any of its devices; applies whatever the
 *                  rules say, since they describe other people and a {@code <many/>} rule must not
 *                  lock the owner out of their own state
 * @param others    for an authenticated watcher no rule applies to
 * @param anonymous for an unauthenticated watcher no rule applies to
 */
public record PrivacyDefaults(Permissions self, Permissions others, Permissions anonymous) {

    /** Self sees everything; others wait for confirmation; anonymous watchers are rejected. */
    public static final PrivacyDefaults DEFAULT = new PrivacyDefaults(Permissions.ALLOW_ALL,
            Permissions.of(SubHandling.CONFIRM), Permissions.of(SubHandling.BLOCK));

    /** Everyone sees everything unless a rule says otherwise: Kamailio's {@code force_active=1}. */
    public static final PrivacyDefaults OPEN = new PrivacyDefaults(Permissions.ALLOW_ALL, Permissions.ALLOW_ALL,
            Permissions.ALLOW_ALL);

    public PrivacyDefaults {
        self = Objects.requireNonNull(self, "self").canonical();
        others = Objects.requireNonNull(others, "others").canonical();
        anonymous = Objects.requireNonNull(anonymous, "anonymous").canonical();
    }

    /** The defaults with another sub-handling, and nothing else provided, for unknown watchers. */
    public static PrivacyDefaults forOthers(SubHandling handling) {
        Permissions p = handling == SubHandling.ALLOW ? Permissions.ALLOW_ALL : Permissions.of(handling);
        return DEFAULT.withOthers(p);
    }

    public PrivacyDefaults withSelf(Permissions next) {
        return new PrivacyDefaults(next, others, anonymous);
    }

    public PrivacyDefaults withOthers(Permissions next) {
        return new PrivacyDefaults(self, next, anonymous);
    }

    public PrivacyDefaults withAnonymous(Permissions next) {
        return new PrivacyDefaults(self, others, next);
    }
}
