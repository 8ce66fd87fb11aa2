package org.herald.sip;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The SIP domains Herald is responsible for, plus its own addresses (always local, like Kamailio's "myself"). */
public final class LocalDomains {
    private final Set<String> hosts;
    private final String primary;

    public LocalDomains(Collection<String> domains, Collection<String> ownAddresses) {
        this.hosts = java.util.stream.Stream.concat(domains.stream(), ownAddresses.stream())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.primary = domains.isEmpty() ? ownAddresses.iterator().next() : domains.iterator().next();
    }

    public boolean isLocal(String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** The first configured domain: the default realm. */
    public String primary() {
        return primary;
    }
}
