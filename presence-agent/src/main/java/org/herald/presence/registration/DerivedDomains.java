package org.herald.presence.registration;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.herald.sip.message.Aor;

/**
 * The domains whose AORs get presence derived from their registrations.
 *
 * @param all     every domain Herald serves (the registrar holds AORs of served domains only)
 * @param domains otherwise these, lower case
 */
public record DerivedDomains(boolean all, Set<String> domains) {
    public static final DerivedDomains NONE = new DerivedDomains(false, Set.of());
    /** The configuration value meaning every served domain. */
    public static final String ALL = "*";

    public DerivedDomains {
        domains = Set.copyOf(domains);
    }

    /** From {@code presence.registration-derived-domains}: empty is off, {@code *} is every served domain. */
    public static DerivedDomains of(List<String> configured) {
        Set<String> names = configured.stream().map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty()).collect(Collectors.toSet());
        if (names.contains(ALL)) return new DerivedDomains(true, Set.of());
        return new DerivedDomains(false, names);
    }

    public boolean covers(Aor aor) {
        return all || domains.contains(aor.host());
    }

    public boolean isOff() {
        return !all && domains.isEmpty();
    }
}
