package org.herald.wakeup.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.wakeup.Cidr;
import org.herald.wakeup.Network;
import org.herald.wakeup.WakeOrder;
import org.herald.wakeup.WakeupProxy;
import org.herald.wakeup.WakeupProxyConfig;
import org.junit.jupiter.api.Test;

/** The gateway's side against a real proxy: health checks, choosing the proxy for a device, signed orders. */
class GatewaySideIT {
    private static final String SECRET = "gateway-side-secret-16";

    static final class MemoryProxyStore implements ProxyStore {
        final Map<String, ProxyEndpoint> proxies = new ConcurrentHashMap<>();

        @Override public List<ProxyEndpoint> all() { return List.copyOf(proxies.values()); }
        @Override public Optional<ProxyEndpoint> find(String id) { return Optional.ofNullable(proxies.get(id)); }
        @Override public void save(ProxyEndpoint p) { proxies.put(p.id(), p); }
        @Override public boolean remove(String id) { return proxies.remove(id) != null; }
    }

    @Test
    void healthRoutingAndSignedWakes() throws Exception {
        List<Network> networks = List.of(new Network("214", "07", "", List.of(Cidr.parse("127.0.0.0/8"))));
        MemoryProxyStore store = new MemoryProxyStore();
        WakeupClient client = new WakeupClient(HttpClient.newHttpClient(), InstantSource.system());
        ProxyHealth health = new ProxyHealth(store, client);
        try (WakeupProxy proxy = WakeupProxy.start(WakeupProxyConfig.of("127.0.0.1", 0, WakeupProxyConfig.Tls.NONE, SECRET, networks),
                InstantSource.system()); DatagramSocket device = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            ProxyEndpoint endpoint = new ProxyEndpoint("lab", URI.create("http://127.0.0.1:" + proxy.port()), SECRET, networks);
            store.save(endpoint);
            InetAddress local = InetAddress.getLoopbackAddress();
            assertTrue(health.proxyFor("214", "07", local).isEmpty(), "not checked yet: not trusted");
            health.check().join();
            assertEquals(Optional.of(endpoint), health.proxyFor("214", "07", local));
            assertTrue(health.proxyFor("214", "01", local).isEmpty(), "another operator's devices");
            assertTrue(health.proxyFor("214", "07", InetAddress.getByName("192.0.2.1")).isEmpty(), "outside its ranges");

            WakeupClient.Result r = client.wake(endpoint, new WakeOrder(local, device.getLocalPort(), WakeOrder.Protocol.UDP)).join();
            assertTrue(r.woken());
            assertEquals("sent", r.outcome());
            device.setSoTimeout(3000);
            device.receive(new DatagramPacket(new byte[16], 16));

            ProxyEndpoint wrongSecret = new ProxyEndpoint("lab", endpoint.url(), "not-the-shared-secret", networks);
            assertEquals(401, client.wake(wrongSecret, new WakeOrder(local, 9, WakeOrder.Protocol.UDP)).join().status());

            proxy.service().maintenance(true);
            health.check().join();
            assertFalse(health.healthy("lab"), "in maintenance: its devices must not be told to sleep");
            proxy.service().maintenance(false);
            health.check().join();
            assertTrue(health.healthy("lab"));
        }
        health.check().join();
        assertFalse(health.healthy("lab"), "down");
    }
}
