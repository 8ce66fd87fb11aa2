package org.herald.presence.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A rule's {@code <conditions>} (RFC 4745 §7, RFC 5025 §3.1): all must hold for the rule to apply; no
 * conditions at all match every request, anonymous ones included.
 *
 * @param identities     {@code <identity>} elements; with any present only authenticated watchers match
 * @param spheres        each {@code <sphere value>} as its set of lower-case tokens; the presentity's
 *                       current sphere must be one of the tokens of each
 * @param validities     {@code <validity>} elements; the time must lie in each
 * @param anonymousOnly  OMA {@code <ocp:anonymous-request/>}: only unauthenticated watchers match
 * @param otherIdentity  OMA {@code <ocp:other-identity/>}: only authenticated watchers that no other
 *                       rule's identity condition names match
 * @param unsupported    a condition Herald does not understand (an unknown namespace, OMA's
 *                       {@code <external-list>}): RFC 4745 makes it false, so the rule never applies
 */
public record Conditions(List<Identity> identities, List<Set<String>> spheres, List<Validity> validities,
                         boolean anonymousOnly, boolean otherIdentity, boolean unsupported) {

    /** No conditions: applies to everyone, always. */
    public static final Conditions ANY = new Conditions(List.of(), List.of(), List.of(), false, false, false);

    public Conditions {
        identities = List.copyOf(identities);
        spheres = spheres.stream().map(Set::copyOf).toList();
        validities = List.copyOf(validities);
    }

    /** The tokens of a {@code <sphere value>}: whitespace-separated, compared case-insensitively. */
    static Set<String> sphereTokens(String value) {
        return Stream.of(value.strip().split("\\s+")).filter(t -> !t.isEmpty())
                .map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** True if every identity condition names the watcher (vacuously true without one). */
    boolean identityMatches(Watcher watcher) {
        for (Identity i : identities) if (!i.matches(watcher)) return false;
        return true;
    }

    /** True if the sphere and validity conditions hold. */
    boolean circumstancesMatch(Optional<String> sphere, Instant now) {
        if (!spheres.isEmpty()) {
            if (sphere.isEmpty()) return false;
            String current = sphere.get().toLowerCase(Locale.ROOT);
            for (Set<String> tokens : spheres) if (!tokens.contains(current)) return false;
        }
        for (Validity v : validities) if (!v.contains(now)) return false;
        return true;
    }
}
