package org.herald.wakeup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wake-up proxy over real sockets: signed HTTPS orders, one real datagram per order to IPv4 and
 * IPv6 devices, a TCP ping, de-duplication, networks it does not serve, maintenance for balancers; and
 * the datagram crossing a real veth link into a device's own network namespace with a private address.
 */
class WakeupProxyIT {
    private static final String SECRET = "wakeup-secret-for-tests";
    private static final ObjectMapper json = new ObjectMapper();
    private static final SignedRequests signer = new SignedRequests(SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
    @TempDir
    static Path dir;
    private static WakeupProxy proxy;
    private static HttpClient https;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("proxy.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "proxy", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").inheritIO().start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool made the proxy's certificate");
        List<Network> networks = List.of(new Network("214", "07", "lab", List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"),
                Cidr.parse("10.77.0.0/24"))));
        proxy = WakeupProxy.start(WakeupProxyConfig.of("127.0.0.1", 0, new WakeupProxyConfig.Tls(keystore.toString(), "changeit"),
                SECRET, networks).withMinInterval(Duration.ofSeconds(30)), InstantSource.system());
        https = HttpClient.newBuilder().sslContext(trusting(keystore)).connectTimeout(Duration.ofSeconds(5)).build();
        base = "https://127.0.0.1:" + proxy.port();
    }

    @AfterAll
    static void stop() {
        if (proxy != null) proxy.close();
    }

    /** Trusts exactly the proxy's own certificate, as Herald would trust the one it was given. */
    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("proxy", (X509Certificate) ks.getCertificate("proxy"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static HttpResponse<String> post(String path, String body, boolean sign) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (sign) b.header("Authorization", signer.sign(java.time.Instant.now(), "POST", path, bytes));
        return https.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> wake(String ip, int port, String protocol) throws Exception {
        return post("/wakeup", "{\"ip\":\"" + ip + "\",\"port\":" + port + ",\"protocol\":\"" + protocol + "\"}", true);
    }

    private static byte[] receive(DatagramSocket device) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[64], 64);
        device.receive(p);
        return java.util.Arrays.copyOf(p.getData(), p.getLength());
    }

    @Test
    void aSignedOrderSendsOneDatagramToAnIpv4AndAnIpv6Device() throws Exception {
        for (String ip : List.of("127.0.0.1", "::1")) {
            try (DatagramSocket device = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ip), 0))) {
                device.setSoTimeout(3000);
                HttpResponse<String> r = wake(ip, device.getLocalPort(), "udp");
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("sent", json.readTree(r.body()).path("status").asText());
                assertArrayEquals("WAKEUP".getBytes(StandardCharsets.UTF_8), receive(device));

                HttpResponse<String> again = wake(ip, device.getLocalPort(), "udp");
                assertEquals("suppressed", json.readTree(again.body()).path("status").asText(), "duplicate orders: one datagram");
                device.setSoTimeout(300);
                try {
                    receive(device);
                    throw new AssertionError("a second datagram came");
                } catch (SocketTimeoutException expected) {
                    // one wake per interval
                }
            }
        }
    }

    @Test
    void aTcpOrderOpensAndClosesAConnection() throws Exception {
        try (ServerSocket device = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            device.setSoTimeout(3000);
            assertEquals(200, wake("127.0.0.1", device.getLocalPort(), "tcp").statusCode());
            try (var accepted = device.accept()) {
                assertEquals(-1, accepted.getInputStream().read(), "the proxy closed it again");
            }
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        HttpResponse<String> failed = wake("127.0.0.1", closed, "tcp");
        assertEquals(502, failed.statusCode());
        assertEquals("failed", json.readTree(failed.body()).path("error").asText());
    }

    @Test
    void unsignedBadAndForeignOrdersAreRefused() throws Exception {
        assertEquals(401, post("/wakeup", "{\"ip\":\"127.0.0.1\",\"port\":9}", false).statusCode());
        HttpResponse<String> foreign = wake("192.0.2.1", 9, "udp");
        assertEquals(403, foreign.statusCode());
        assertEquals("not-served", json.readTree(foreign.body()).path("error").asText());
        assertEquals(400, post("/wakeup", "{\"ip\":\"127.0.0.1\"}", true).statusCode());
        assertEquals("bad-json", json.readTree(post("/wakeup", "{nope", true).body()).path("error").asText());
        assertEquals(404, https.send(HttpRequest.newBuilder(URI.create(base + "/nothing")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void maintenanceTakesTheProxyOutOfService() throws Exception {
        HttpRequest status = HttpRequest.newBuilder(URI.create(base + "/status")).build();
        JsonNode ok = json.readTree(https.send(status, HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("ok", ok.path("status").asText());
        assertEquals("214", ok.path("networks").get(0).path("mcc").asText());
        assertEquals(401, post("/maintenance", "{\"on\":true}", false).statusCode());
        assertEquals(503, post("/maintenance", "{\"on\":true}", true).statusCode());
        try {
            assertEquals(503, https.send(status, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(503, wake("127.0.0.1", 9, "udp").statusCode());
        } finally {
            assertEquals(200, post("/maintenance", "{\"on\":false}", true).statusCode());
        }
        String metrics = https.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("herald_wakeup_orders_total{result=\"maintenance\"}"), metrics);
    }

    /**
     * A device in its own network namespace with a private address, reachable only over a veth link:
     * the datagram crosses a real interface. Needs root (ip netns); skipped, and said so, elsewhere.
     */
    @Test
    void theDatagramReachesADeviceInItsOwnNetworkNamespace() throws Exception {
        String ns = "herald-wake-" + ProcessHandle.current().pid();
        assumeTrue(run("ip", "netns", "add", ns) == 0, "cannot create network namespaces here (needs root and iproute2)");
        String host = "hw" + (ProcessHandle.current().pid() % 100000);
        try {
            assertEquals(0, run("ip", "link", "add", host + "a", "type", "veth", "peer", "name", host + "b"));
            assertEquals(0, run("ip", "link", "set", host + "b", "netns", ns));
            assertEquals(0, run("ip", "addr", "add", "10.77.0.1/24", "dev", host + "a"));
            assertEquals(0, run("ip", "link", "set", host + "a", "up"));
            assertEquals(0, run("ip", "netns", "exec", ns, "ip", "addr", "add", "10.77.0.2/24", "dev", host + "b"));
            assertEquals(0, run("ip", "netns", "exec", ns, "ip", "link", "set", host + "b", "up"));
            Path got = dir.resolve("device-got");
            Process device = new ProcessBuilder("ip", "netns", "exec", ns, "python3", "-c",
                    "import socket,sys\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\ns.bind(('10.77.0.2',7777))\n"
                            + "s.settimeout(10)\nprint('ready',flush=True)\nd,a=s.recvfrom(64)\nopen(sys.argv[1],'wb').write(d)\n",
                    got.toString()).redirectErrorStream(true).start();
            assertEquals("ready", new java.io.BufferedReader(new java.io.InputStreamReader(device.getInputStream())).readLine());
            HttpResponse<String> r = wake("10.77.0.2", 7777, "udp");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(device.waitFor(10, TimeUnit.SECONDS) && device.exitValue() == 0, "the device received a datagram");
            assertArrayEquals("WAKEUP".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(got));
        } finally {
            run("ip", "link", "del", host + "a");
            run("ip", "netns", "del", ns);
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
