package org.herald.server.it;

import static org.herald.server.it.PushHarnessIT.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.herald.push.PushConfig;
import org.herald.server.config.ConfigLoader;
import org.herald.server.http.HttpServer;
import org.herald.server.it.PushHarnessIT.WsClient;
import org.herald.server.push.PushWiring;
import org.herald.server.storage.StorageRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the push gateway acknowledged survives {@code kill -9}: a Notification Server message that got
 * ACCEPTED and a Web Push message that got 201, both for devices that were offline, are delivered
 * after a restart on the same data (embedded MongoDB on H2 behind the journal, the default storage),
 * and the UAToken and push endpoint made before the crash still work.
 */
class PushRestartIT {

    /** The push gateway alone on the default embedded storage, in its own JVM: {@code Main <dataDir> <httpPort>}. */
    public static final class Main {
        public static void main(String[] args) throws InterruptedException {
            int port = Integer.parseInt(args[1]);
            var config = ConfigLoader.load(null, List.of("storage.dir=" + args[0], "storage.embedded.backend=h2"), Map.of());
            StorageRuntime storage = StorageRuntime.start(config.storage());
            PushWiring push = PushWiring.start(PushConfig.defaults("http://127.0.0.1:" + port), storage.documents(),
                    InstantSource.system());
            HttpServer.start("127.0.0.1", port, Map.of("GET /health", r -> new HttpServer.Reply(200, "{\"status\":\"ok\"}")),
                    push.routes(), push.sockets());
            System.out.println("push ready on " + port);
            Thread.currentThread().join();
        }
    }

    /** A server process that {@link #kill9} ends without any shutdown. */
    interface Running {
        void kill9();
    }

    /** Starts the server on {@code port} with its data in {@code data}, logging to {@code log}, and waits for /health. */
    interface Launcher {
        Running start(Path data, int port, Path log) throws Exception;
    }

    @Test
    void acceptedMessagesSurviveKill9AndAreDeliveredAfterRestart(@TempDir Path dir) throws Exception {
        scenario(dir, (data, port, log) -> {
            Process p = start(data, port, log);
            return () -> {
                p.destroyForcibly();
                try {
                    p.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
        });
    }

    /** The same through {@code herald run} itself, once HeraldServer mounts the push gateway; skipped until then. */
    @Test
    void theSameThroughHeraldRun(@TempDir Path dir) throws Exception {
        int sip = FreePorts.next();
        List<String> settings = List.of("storage.dir=" + dir.resolve("data"), "storage.embedded.backend=h2",
                "sip.domain=localhost", "sip.udp.port=" + sip, "sip.tcp.port=" + sip, "sip.tls.enabled=false",
                "sip.ws.enabled=false");
        int probePort = FreePorts.next();
        Path probeLog = Files.createFile(dir.resolve("probe.log"));
        try (ServerProcess probe = ServerProcess.start(probePort, probeLog, settings)) {
            assumeTrue(get("http://127.0.0.1:" + probePort + "/token").statusCode() == 200,
                    "HeraldServer does not mount the push gateway yet (see push-gateway/README.md, Wiring)");
        }
        scenario(dir, (data, port, log) -> {
            if (!Files.exists(log)) Files.createFile(log);
            ServerProcess p = ServerProcess.start(port, log, settings);
            return p::kill9;
        });
    }

    private static void scenario(Path dir, Launcher launcher) throws Exception {
        int port = FreePorts.next();
        String base = "http://127.0.0.1:" + port;
        Path data = dir.resolve("data");
        Path log = dir.resolve("push.log");
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair as = g.generateKeyPair();
        String pbk = Base64.getEncoder().encodeToString(as.getPublic().getEncoded());

        String uaToken;
        String uaid;
        String channel = UUID.randomUUID().toString();
        Running first = launcher.start(data, port, log);
        try {
            uaToken = get(base + "/token").body().trim();
            String notifyUrl;
            try (WsClient ws = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/push"))) {
                ws.send(obj("messageType", "registerUA", "uatoken", uaToken));
                ws.next();
                ws.send(obj("messageType", "registerWA", "uatoken", uaToken, "watoken", "restart", "pbkbase64", pbk));
                notifyUrl = ws.next().path("url").asText();
            }
            String endpoint;
            try (WsClient ws = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/push"))) {
                ws.send(obj("messageType", "hello", "use_webpush", true));
                uaid = ws.next().path("uaid").asText();
                ws.send(obj("messageType", "register", "channelID", channel));
                endpoint = ws.next().path("pushEndpoint").asText();
            }
            Thread.sleep(200); // both devices offline now

            ObjectNode n = PushNotificationServerIT.notification(as, "survivor", "kept across kill -9", 2);
            HttpResponse<String> accepted = PushHarnessIT.Harness.send(HttpRequest.newBuilder(URI.create(notifyUrl))
                    .POST(HttpRequest.BodyPublishers.ofString(n.toString())));
            assertEquals(200, accepted.statusCode(), accepted.body());
            HttpResponse<String> created = PushHarnessIT.Harness.send(HttpRequest.newBuilder(URI.create(endpoint))
                    .header("TTL", "600").header("Content-Encoding", "aes128gcm")
                    .POST(HttpRequest.BodyPublishers.ofString("web push kept")));
            assertEquals(201, created.statusCode(), created.body());
        } finally {
            first.kill9();
        }

        Running second = launcher.start(data, port, log);
        // the messages were only in the journal when the process died (the flush interval is 5 s)
        assertTrue(Files.readString(log).contains("replayed"), "no journal replay: " + Files.readString(log));
        try (WsClient ns = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/push"));
             WsClient moz = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/push"))) {
            ns.send(obj("messageType", "registerUA", "uatoken", uaToken));
            assertEquals("REGISTERED", ns.next().path("status").asText());
            ObjectNode got = ns.next();
            assertEquals("kept across kill -9", got.path("message").asText(), got.toString());

            moz.send(obj("messageType", "hello", "uaid", uaid, "use_webpush", true));
            assertEquals(uaid, moz.next().path("uaid").asText());
            ObjectNode webPush = moz.next();
            assertEquals(channel, webPush.path("channelID").asText());
            assertEquals("web push kept", new String(Base64.getUrlDecoder().decode(webPush.path("data").asText()), StandardCharsets.UTF_8));
        } finally {
            second.kill9();
        }
    }

    private static Process start(Path data, int port, Path log) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                data.toString(), Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("push process exited: " + Files.readString(log));
            try {
                if (get("http://127.0.0.1:" + port + "/health").statusCode() == 200) return p;
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("push process did not start: " + Files.readString(log));
    }

    private static HttpResponse<String> get(String url) {
        return PushHarnessIT.Harness.send(HttpRequest.newBuilder(URI.create(url)).GET());
    }
}
