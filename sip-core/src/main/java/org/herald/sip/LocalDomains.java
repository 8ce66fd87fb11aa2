package org.herald.sip;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The SIP domains Herald is responsible for, plus its own addresses (always local, like Kamailio's "myself"). */
public final class LocalDomains {
    private static final int DEFAULT_PORT = 5060;

    private final Set<String> hosts;
    private final Set<String> ownAddresses;
    private final Set<Integer> ownPorts;
    private final String primary;

    public LocalDomains(Collection<String> domains, Collection<String> ownAddresses, Collection<Integer> ownPorts) {
        this.ownAddresses = ownAddresses.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.hosts = java.util.stream.Stream.concat(domains.stream(), ownAddresses.stream())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.ownPorts = Set.copyOf(ownPorts);
        this.primary = domains.isEmpty() ? ownAddresses.iterator().next() : domains.iterator().next();
    }

    /** Whether the host is a served domain or one of Herald's addresses (whatever the port). */
    public boolean isLocal(String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a SIP URI is Herald's to resolve: a served domain, or Herald's own address on one of
     * its ports. {@code sip:carol@127.0.0.1:5090} is somebody else's phone even on Herald's host.
     */
    public boolean resolvesHere(String uri) {
        String hostPort = hostPort(uri);
        int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.lastIndexOf(':');
        String host = (colon < 0 ? hostPort : hostPort.substring(0, colon)).toLowerCase(Locale.ROOT);
        int port = colon < 0 ? DEFAULT_PORT : parsePort(hostPort.substring(colon + 1));
        if (!hosts.contains(host)) return false;
        return !ownAddresses.contains(host) || ownPorts.contains(port);
    }

    private static String hostPort(String uri) {
        String s = uri.trim();
        int colon = s.indexOf(':');
        if (colon >= 0 && s.substring(0, colon).matches("(?i)sips?")) s = s.substring(colon + 1);
        int end = s.length();
        for (char c : new char[] {';', '?', '>'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        s = s.substring(0, end);
        return s.substring(s.lastIndexOf('@') + 1);
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The first configured domain: the default realm. */
    public String primary() {
        return primary;
    }
}
