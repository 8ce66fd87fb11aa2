package org.herald.wakeup;

import java.time.Duration;
import java.util.List;

/**
 * A wake-up proxy's settings.
 *
 * @param host            address to listen on
 * @param port            HTTPS port (0: any free one)
 * @param tls             keystore of the proxy's certificate; blank: plain HTTP (loopback experiments only)
 * @param secret          shared with Herald, signs every order ({@link SignedRequests}); at least 16 bytes
 * @param signatureWindow how far a signed order's time may be from the proxy's clock
 * @param networks        the operator networks (MCC/MNC, address ranges) this proxy reaches
 * @param minInterval     a device is woken at most once per this
 * @param maxDevices      devices remembered for {@code minInterval}
 * @param payload         the datagram's content (devices only need to see one arrive)
 * @param pingTimeout     how long a TCP ping may take to connect
 */
public record WakeupProxyConfig(String host, int port, Tls tls, String secret, Duration signatureWindow, List<Network> networks,
                                Duration minInterval, int maxDevices, String payload, Duration pingTimeout) {

    public record Tls(String keystore, String password) {
        public static final Tls NONE = new Tls("", "");
    }

    public WakeupProxyConfig {
        networks = List.copyOf(networks);
        if (networks.isEmpty()) throw new IllegalArgumentException("a wake-up proxy serves at least one network");
    }

    /** Defaults around the required parts: 60 s signature window, 10 s between wakes of a device, 100,000 devices. */
    public static WakeupProxyConfig of(String host, int port, Tls tls, String secret, List<Network> networks) {
        return new WakeupProxyConfig(host, port, tls, secret, Duration.ofSeconds(60), networks, Duration.ofSeconds(10), 100_000,
                "WAKEUP", Duration.ofSeconds(3));
    }

    public WakeupProxyConfig withMinInterval(Duration next) {
        return new WakeupProxyConfig(host, port, tls, secret, signatureWindow, networks, next, maxDevices, payload, pingTimeout);
    }
}
