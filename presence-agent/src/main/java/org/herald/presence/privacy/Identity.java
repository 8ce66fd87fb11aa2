package org.herald.presence.privacy;

import java.util.List;
import java.util.Objects;

/**
 * An {@code <identity>} condition (RFC 4745 §7.1): true if any of its {@link Match}es is. It matches
 * authenticated watchers only. Children from namespaces Herald does not know are left out, since the
 * RFC makes them false; an identity left with no match is therefore never true, unlike an absent one.
 *
 * @param matches the {@code <one>} and {@code <many>} children, in document order
 */
public record Identity(List<Match> matches) {

    public Identity {
        matches = List.copyOf(matches);
    }

    /** True if the watcher is authenticated and one of the matches names it. */
    public boolean matches(Watcher watcher) {
        if (!(watcher instanceof Watcher.Authenticated(String uri))) return false;
        String id = UriEquivalence.identity(uri);
        String domain = UriEquivalence.domain(uri);
        for (Match m : matches) if (m.matches(id, domain)) return true;
        return false;
    }

    /** One child of {@code <identity>}. */
    public sealed interface Match {
        /**
         * @param identity the watcher's identity in {@link UriEquivalence#identity} form
         * @param domain   its domain in {@link UriEquivalence#domainKey} form, or null
         */
        boolean matches(String identity, String domain);
    }

    /**
     * {@code <one id="..."/>}: exactly this identity.
     *
     * @param id the URI as written
     */
    public record One(String id) implements Match {
        public One {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public boolean matches(String identity, String domain) {
            return UriEquivalence.identity(id).equals(identity);
        }
    }

    /**
     * {@code <many domain="...">}: every authenticated identity, or every one of a domain, but those an
     * {@link Except} excludes (RFC 4745 §7.1.3).
     *
     * @param domain  the domain as written, or null for any domain
     * @param excepts the exclusions, combined by OR
     */
    public record Many(String domain, List<Except> excepts) implements Match {
        public Many {
            excepts = List.copyOf(excepts);
        }

        @Override
        public boolean matches(String identity, String watcherDomain) {
            if (domain != null) {
                String key = UriEquivalence.domainKey(domain);
                if (key == null || !key.equals(watcherDomain)) return false;
            }
            for (Except e : excepts) if (e.excludes(identity, watcherDomain)) return false;
            return true;
        }
    }

    /**
     * {@code <except>}: one identity, or a whole domain, left out of a {@link Many}. One with neither
     * attribute excludes nothing.
     *
     * @param id     the excluded identity, or null
     * @param domain the excluded domain, or null
     */
    public record Except(String id, String domain) {
        boolean excludes(String identity, String watcherDomain) {
            if (id != null && UriEquivalence.identity(id).equals(identity)) return true;
            if (domain == null || watcherDomain == null) return false;
            return watcherDomain.equals(UriEquivalence.domainKey(domain));
        }
    }
}
