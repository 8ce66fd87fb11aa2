package org.herald.wakeup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WakeupCoreTest {
    private static final ObjectMapper json = new ObjectMapper();

    @Test
    void rangesOfBothFamilies() throws Exception {
        Cidr v4 = Cidr.parse("10.20.0.0/16");
        assertTrue(v4.contains(InetAddress.getByName("10.20.255.1")));
        assertFalse(v4.contains(InetAddress.getByName("10.21.0.1")));
        assertFalse(v4.contains(InetAddress.getByName("fd00::1")), "families never mix");
        Cidr odd = Cidr.parse("192.168.1.128/25");
        assertTrue(odd.contains(InetAddress.getByName("192.168.1.200")));
        assertFalse(odd.contains(InetAddress.getByName("192.168.1.100")));
        Cidr v6 = Cidr.parse("fd00:1::/64");
        assertTrue(v6.contains(InetAddress.getByName("fd00:1::7")));
        assertFalse(v6.contains(InetAddress.getByName("fd00:2::7")));
        assertTrue(Cidr.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.1")));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.com/24"), "no DNS");
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
    }

    @Test
    void ordersAreReadStrictly() throws Exception {
        WakeOrder o = WakeOrder.of(json.readTree("{\"ip\":\"10.20.1.7\",\"port\":5000,\"protocol\":\"tcp\"}"));
        assertEquals(WakeOrder.Protocol.TCP, o.protocol());
        assertEquals(WakeOrder.Protocol.UDP, WakeOrder.of(json.readTree("{\"ip\":\"::1\",\"port\":1}")).protocol(), "udp by default");
        for (String bad : List.of("{}", "{\"ip\":\"x.example\",\"port\":1}", "{\"ip\":\"10.0.0.1\",\"port\":70000}",
                "{\"ip\":\"10.0.0.1\",\"port\":1,\"protocol\":\"sctp\"}", "[]")) {
            assertThrows(IllegalArgumentException.class, () -> WakeOrder.of(json.readTree(bad)), bad);
        }
    }

    @Test
    void aDeviceIsWokenAtMostOncePerInterval() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
        WakePolicy policy = new WakePolicy(Duration.ofSeconds(10), 100, now::get);
        WakeOrder a = WakeOrder.of(json.readTree("{\"ip\":\"10.0.0.1\",\"port\":5000}"));
        WakeOrder b = WakeOrder.of(json.readTree("{\"ip\":\"10.0.0.2\",\"port\":5000}"));
        assertInstanceOf(WakePolicy.Decision.Wake.class, policy.decide(a));
        assertInstanceOf(WakePolicy.Decision.Wake.class, policy.decide(b), "other devices are not held back");
        now.set(now.get().plusSeconds(9));
        var suppressed = assertInstanceOf(WakePolicy.Decision.Suppressed.class, policy.decide(a));
        assertEquals(Instant.parse("2026-11-22T10:00:10Z"), suppressed.nextWake());
        now.set(now.get().plusSeconds(1));
        assertInstanceOf(WakePolicy.Decision.Wake.class, policy.decide(a));
    }

    @Test
    void signaturesBindTimeRequestAndBody() {
        SignedRequests s = new SignedRequests("0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        byte[] body = "{\"ip\":\"10.0.0.1\",\"port\":1}".getBytes(StandardCharsets.UTF_8);
        String auth = s.sign(t, "POST", "/wakeup", body);
        assertTrue(s.verify(auth, t.plusSeconds(59), "POST", "/wakeup", body));
        assertFalse(s.verify(auth, t.plusSeconds(61), "POST", "/wakeup", body), "too old: a replay");
        assertFalse(s.verify(auth, t, "POST", "/maintenance", body));
        assertFalse(s.verify(auth, t, "POST", "/wakeup", "{\"ip\":\"10.0.0.2\",\"port\":1}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(new SignedRequests("another-secret-of-16".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60))
                .verify(auth, t, "POST", "/wakeup", body));
        assertFalse(s.verify("Herald-Wakeup ts=x, sig=zz", t, "POST", "/wakeup", body));
        assertFalse(s.verify(null, t, "POST", "/wakeup", body));
    }
}
