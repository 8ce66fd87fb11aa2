package org.herald.wakeup.gateway;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which proxies are up, as the last check of each found (a checker calls {@link #check} on a timer),
 * and the proxy to wake a device through: a healthy one serving its MCC/MNC and address. A proxy not
 * checked yet counts as down, so a fresh gateway tells no device to sleep before it knows.
 */
public final class ProxyHealth {
    private final ProxyStore store;
    private final WakeupClient client;
    private final Map<String, Boolean> up = new ConcurrentHashMap<>();

    public ProxyHealth(ProxyStore store, WakeupClient client) {
        this.store = store;
        this.client = client;
    }

    /** Asks every proxy for its status; completes when all answered or timed out. */
    public CompletableFuture<Void> check() {
        List<ProxyEndpoint> proxies = store.all();
        up.keySet().retainAll(proxies.stream().map(ProxyEndpoint::id).toList());
        return CompletableFuture.allOf(proxies.stream()
                .map(p -> client.healthy(p).thenAccept(ok -> up.put(p.id(), ok))).toArray(CompletableFuture[]::new));
    }

    public boolean healthy(String proxyId) {
        return up.getOrDefault(proxyId, false);
    }

    /** The healthy proxy for a device in this network at this address, if there is one. */
    public Optional<ProxyEndpoint> proxyFor(String mcc, String mnc, InetAddress address) {
        if (mcc == null || mnc == null || address == null) return Optional.empty();
        return store.all().stream().filter(p -> healthy(p.id()) && p.serves(mcc, mnc, address)).findFirst();
    }

    /** Health by proxy id, for the admin API. */
    public Map<String, Boolean> snapshot() {
        return Map.copyOf(up);
    }
}
