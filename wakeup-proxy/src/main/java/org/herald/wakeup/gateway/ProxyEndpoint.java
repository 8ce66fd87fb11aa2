package org.herald.wakeup.gateway;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.herald.wakeup.Network;

/**
 * A wake-up proxy as the gateway knows it: where it listens, the secret that signs orders to it, and
 * the operator networks (MCC/MNC and address ranges) whose devices it reaches.
 */
public record ProxyEndpoint(String id, URI url, String secret, List<Network> networks) {

    public ProxyEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) throw new IllegalArgumentException("url: https://...");
        networks = List.copyOf(networks);
    }

    /** Whether it serves a device announced in this network at this address. */
    public boolean serves(String mcc, String mnc, InetAddress address) {
        return networks.stream().anyMatch(n -> n.mcc().equals(mcc) && n.mnc().equals(mnc) && n.reaches(address));
    }
}
