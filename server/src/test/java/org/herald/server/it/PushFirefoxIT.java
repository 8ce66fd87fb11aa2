package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.herald.server.it.PushHarnessIT.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real peers on both sides: stock Firefox ESR, headless, with its built-in push client pointed at
 * Herald ({@code dom.push.serverURL}), subscribes from a page with a VAPID applicationServerKey; the
 * application server is the npm {@code web-push} package under node, which encrypts the payload
 * (RFC 8291 aes128gcm) and signs VAPID (RFC 8292) on its own; Firefox decrypts it and its service
 * worker reports the plaintext. Skipped where firefox-esr, node or the web-push package cannot be had.
 *
 * <p>web-push always sends over https, so node builds the request with its {@code generateRequestDetails}
 * (all of the crypto) and sends it with plain {@code http}.
 */
class PushFirefoxIT {
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(25);
    private static final String WEB_PUSH = "web-push@3.6.7";

    private static final String PAGE = """
            <!doctype html><meta charset="utf-8"><title>herald push e2e</title>
            <script>
            const report = (kind, data) => fetch('/report', {method: 'POST', body: JSON.stringify({kind, data})});
            const sleep = ms => new Promise(r => setTimeout(r, ms));
            const key = '%s';
            function bytes(b64) {
              const s = atob(b64.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - b64.length %% 4) %% 4));
              return Uint8Array.from(s, c => c.charCodeAt(0));
            }
            (async () => {
              try {
                const reg = await navigator.serviceWorker.register('/sw.js');
                await navigator.serviceWorker.ready;
                for (let i = 0; i < 60; i++) {
                  try {
                    // getSubscription() and subscribe() made before the push service has started never settle: retry
                    let sub = await Promise.race([reg.pushManager.getSubscription(), sleep(2000).then(() => 'wait')]);
                    if (sub === 'wait') continue;
                    if (!sub) sub = await Promise.race([
                        reg.pushManager.subscribe({userVisibleOnly: true, applicationServerKey: bytes(key)}), sleep(3000)]);
                    if (sub) { await report('subscription', sub.toJSON()); return; }
                  } catch (e) { await report('retry', String(e)); }
                  await sleep(1000);
                }
                report('error', 'no subscription');
              } catch (e) { report('error', String(e)); }
            })();
            </script>
            """;

    private static final String WORKER = """
            self.addEventListener('install', e => self.skipWaiting());
            self.addEventListener('activate', e => e.waitUntil(self.clients.claim()));
            self.addEventListener('push', e => {
              const text = e.data ? e.data.text() : null;
              e.waitUntil(fetch('/report', {method: 'POST', body: JSON.stringify({kind: 'push', data: text})}));
            });
            """;

    /** argv: subscription JSON, payload, VAPID public key, VAPID private key. Prints the status and the Location. */
    private static final String SEND = """
            const webpush = require('web-push');
            const http = require('http');
            const [sub, payload, pub, priv] = process.argv.slice(2);
            const d = webpush.generateRequestDetails(JSON.parse(sub), payload,
                {TTL: 60, vapidDetails: {subject: 'mailto:e2e@example.com', publicKey: pub, privateKey: priv}});
            const req = http.request(d.endpoint, {method: d.method, headers: d.headers}, res => {
              res.resume();
              res.on('end', () => console.log(JSON.stringify({status: res.statusCode, location: res.headers.location || null})));
            });
            req.on('error', e => { console.log(JSON.stringify({error: String(e)})); });
            req.end(d.body);
            """;

    @Test
    void firefoxReceivesAndDecryptsAWebPushSentByTheWebPushPackage(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/firefox-esr")), "firefox-esr is not installed (apt-get install firefox-esr)");
        Path node = Path.of("/usr/bin/node");
        assumeTrue(Files.isExecutable(node), "node is not installed");
        Path tools = webPushPackage();
        assumeTrue(tools != null, "the npm package " + WEB_PUSH + " could not be installed");
        Files.writeString(tools.resolve("send.js"), SEND);

        JsonNode vapid = PushHarnessIT.parse(run(tools, List.of(node.toString(), "-e",
                "console.log(JSON.stringify(require('web-push').generateVAPIDKeys()))")));
        BlockingQueue<JsonNode> reports = new LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer pages = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/", ex -> serve(ex, "text/html", PAGE.formatted(vapid.path("publicKey").asText())));
        pages.createContext("/sw.js", ex -> serve(ex, "text/javascript", WORKER));
        pages.createContext("/report", ex -> {
            reports.add(PushHarnessIT.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            serve(ex, "text/plain", "ok");
        });
        pages.start();
        Process firefox = null;
        try (Harness h = new Harness()) {
            Path profile = Files.createDirectories(dir.resolve("profile"));
            Files.writeString(profile.resolve("user.js"), prefs(h.port));
            firefox = new ProcessBuilder("/usr/bin/firefox-esr", "--headless", "--no-remote", "--profile", profile.toString(),
                    "http://127.0.0.1:" + pages.getAddress().getPort() + "/")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("firefox.log").toFile()).start();

            JsonNode subscription = await(reports, "subscription", SUBSCRIBE_WAIT);
            assertNotNull(subscription, "Firefox did not subscribe; log: " + tail(dir.resolve("firefox.log")));
            String endpoint = subscription.path("endpoint").asText();
            assertEquals(true, endpoint.startsWith(h.base + "/wpush/"), endpoint);

            String payload = "Hello from web-push, encrypted end to end ✓";
            JsonNode sent = PushHarnessIT.parse(run(tools, List.of(node.toString(), "send.js", subscription.toString(), payload,
                    vapid.path("publicKey").asText(), vapid.path("privateKey").asText())));
            assertEquals(201, sent.path("status").asInt(), sent.toString());

            JsonNode received = await(reports, "push", Duration.ofSeconds(30));
            assertNotNull(received, "the service worker got no push; log: " + tail(dir.resolve("firefox.log")));
            assertEquals(payload, received.asText());
            String location = sent.path("location").asText();
            awaitState(location, "acked");

            // Firefox closed: the message waits for it, and its service worker gets it when Firefox is back
            stop(firefox);
            String uaid = h.push.gateway().context().tokens().endpointOf(endpoint.substring(endpoint.lastIndexOf('/') + 1))
                    .orElseThrow().uaid();
            for (int i = 0; i < 100 && h.push.gateway().context().router().connected(uaid); i++) Thread.sleep(50);
            String later = "sent while Firefox was closed";
            JsonNode queued = PushHarnessIT.parse(run(tools, List.of(node.toString(), "send.js", subscription.toString(), later,
                    vapid.path("publicKey").asText(), vapid.path("privateKey").asText())));
            assertEquals(201, queued.path("status").asInt(), queued.toString());
            assertEquals("accepted", state(queued.path("location").asText()));
            firefox = new ProcessBuilder("/usr/bin/firefox-esr", "--headless", "--no-remote", "--profile", profile.toString(),
                    "about:blank").redirectErrorStream(true).redirectOutput(dir.resolve("firefox-2.log").toFile()).start();
            JsonNode afterRestart = await(reports, "push", Duration.ofSeconds(45));
            assertNotNull(afterRestart, "no push after Firefox came back; log: " + tail(dir.resolve("firefox-2.log")));
            assertEquals(later, afterRestart.asText());
            awaitState(queued.path("location").asText(), "acked");
        } finally {
            stop(firefox);
            pages.stop(0);
        }
    }

    private static void stop(Process firefox) throws InterruptedException {
        if (firefox == null) return;
        firefox.descendants().forEach(ProcessHandle::destroyForcibly);
        firefox.destroyForcibly();
        firefox.waitFor(10, TimeUnit.SECONDS);
    }

    private static String state(String location) {
        return PushHarnessIT.parse(PushHarnessIT.Harness.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(location))
                .GET()).body()).path("state").asText();
    }

    private static void awaitState(String location, String expected) throws InterruptedException {
        String now = null;
        for (int i = 0; i < 200; i++) {
            now = state(location);
            if (now.equals(expected)) return;
            Thread.sleep(50);
        }
        assertEquals(expected, now, location);
    }

    private static String prefs(int pushPort) {
        return String.join("\n",
                "user_pref(\"dom.push.enabled\", true);",
                "user_pref(\"dom.push.connection.enabled\", true);",
                "user_pref(\"dom.push.serverURL\", \"ws://127.0.0.1:" + pushPort + "/push\");",
                "user_pref(\"dom.push.testing.allowInsecureServerURL\", true);",
                "user_pref(\"dom.push.testing.ignorePermission\", true);",
                "user_pref(\"dom.serviceWorkers.enabled\", true);",
                "user_pref(\"dom.serviceWorkers.testing.enabled\", true);",
                "user_pref(\"dom.securecontext.allowlist\", \"127.0.0.1\");",
                "user_pref(\"browser.shell.checkDefaultBrowser\", false);",
                "user_pref(\"browser.startup.homepage_override.mstone\", \"ignore\");",
                "user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);",
                "user_pref(\"toolkit.telemetry.reportingpolicy.firstRun\", false);",
                "user_pref(\"app.update.disabledForTesting\", true);",
                "user_pref(\"network.proxy.type\", 0);",
                "user_pref(\"dom.push.loglevel\", \"debug\");",
                "user_pref(\"browser.dom.window.dump.enabled\", true);",
                "user_pref(\"devtools.console.stdout.chrome\", true);",
                "user_pref(\"devtools.console.stdout.content\", true);", "");
    }

    private static JsonNode await(BlockingQueue<JsonNode> reports, String kind, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode r = reports.poll(200, TimeUnit.MILLISECONDS);
            if (r != null) System.out.println("page reported " + r);
            if (r != null && r.path("kind").asText().equals(kind)) return r.path("data");
            if (r != null && r.path("kind").asText().equals("error")) throw new AssertionError("page: " + r);
        }
        return null;
    }

    /** The web-push package in a cache under target/, installed with npm the first time; null if npm cannot. */
    private static Path webPushPackage() throws IOException, InterruptedException {
        Path tools = Path.of("target", "push-e2e").toAbsolutePath();
        if (Files.isDirectory(tools.resolve("node_modules/web-push"))) return tools;
        Files.createDirectories(tools);
        if (!Files.isExecutable(Path.of("/usr/bin/npm"))) return null;
        Process npm = new ProcessBuilder("/usr/bin/npm", "install", "--no-audit", "--no-fund", "--prefix", tools.toString(), WEB_PUSH)
                .redirectErrorStream(true).redirectOutput(tools.resolve("npm.log").toFile()).start();
        if (!npm.waitFor(120, TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            return null;
        }
        return npm.exitValue() == 0 && Files.isDirectory(tools.resolve("node_modules/web-push")) ? tools : null;
    }

    private static String run(Path cwd, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError(command + " failed: " + out);
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static String tail(Path log) throws IOException {
        String s = Files.readString(log);
        return s.length() > 4000 ? "..." + s.substring(s.length() - 4000) : s;
    }

    private static void serve(HttpExchange ex, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
