package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.herald.push.PushConfig;
import org.herald.server.config.ConfigLoader;
import org.herald.server.http.HttpServer;
import org.herald.server.push.PushWiring;
import org.herald.server.storage.StorageRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push benchmarks, not part of the suite: {@code mvn -pl server surefire:test -Dtest=PushBenchIT -Dherald.bench=true
 * [-Dherald.bench.idle=10000 -Dherald.bench.devices=200 -Dherald.bench.messages=20000 -Dherald.bench.jvm="-Xmx1g"
 * -Dherald.bench.histogram=true]}. Herald's push gateway runs in
 * its own JVM on the default embedded storage; clients are raw RFC 6455 sockets on virtual threads.
 * <ol>
 *   <li>Idle connections: N browsers say hello and stay; the server's heap (after GC) and RSS per connection.</li>
 *   <li>AS POST → device ack: application servers POST Web Push messages to connected browsers, which ack each at
 *       once; throughput and latency (POST sent → notification read) percentiles.</li>
 * </ol>
 */
class PushBenchIT {

    /** The gateway plus {@code GET /heap} (used heap after a GC) and {@code GET /rss}. */
    public static final class Main {
        public static void main(String[] args) throws InterruptedException {
            int port = Integer.parseInt(args[1]);
            var config = ConfigLoader.load(null, List.of("storage.dir=" + args[0], "storage.embedded.backend=h2"), Map.of());
            StorageRuntime storage = StorageRuntime.start(config.storage());
            PushConfig push = PushConfig.defaults("http://127.0.0.1:" + port).withAppRateLimit(0);
            PushWiring wiring = PushWiring.start(push, storage.documents(), InstantSource.system());
            HttpServer.start("127.0.0.1", port, Map.of(
                    "GET /health", r -> new HttpServer.Reply(200, "{\"status\":\"ok\"}"),
                    "GET /heap", r -> {
                        for (int i = 0; i < 3; i++) System.gc();
                        Runtime rt = Runtime.getRuntime();
                        return new HttpServer.Reply(200, "{\"used\":" + (rt.totalMemory() - rt.freeMemory()) + "}");
                    },
                    "GET /rss", r -> new HttpServer.Reply(200, "{\"rss\":" + rss() + "}")), wiring.routes(), wiring.sockets());
            System.out.println("push bench server ready on " + port);
            Thread.currentThread().join();
        }

        private static long rss() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            } catch (IOException e) {
                // not Linux
            }
            return -1;
        }
    }

    /** A minimal blocking RFC 6455 client: masked text frames out, unmasked text frames in. */
    static final class RawWs implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;

        RawWs(int port) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new DataInputStream(socket.getInputStream());
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            out.write(("GET /push HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: push-notification\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.readUnsignedByte());
            if (!head.toString().startsWith("HTTP/1.1 101")) throw new IOException("no upgrade: " + head);
        }

        synchronized void send(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            int n = payload.length;
            byte[] frame = new byte[2 + (n < 126 ? 0 : 2) + 4 + n];
            int i = 0;
            frame[i++] = (byte) 0x81;
            if (n < 126) {
                frame[i++] = (byte) (0x80 | n);
            } else {
                frame[i++] = (byte) (0x80 | 126);
                frame[i++] = (byte) (n >>> 8);
                frame[i++] = (byte) n;
            }
            System.arraycopy(mask, 0, frame, i, 4);
            i += 4;
            for (int k = 0; k < n; k++) frame[i + k] = (byte) (payload[k] ^ mask[k & 3]);
            out.write(frame);
            out.flush();
        }

        String read() throws IOException {
            int b0 = in.readUnsignedByte();
            int len = in.readUnsignedByte() & 0x7f;
            if (len == 126) len = in.readUnsignedShort();
            else if (len == 127) len = (int) in.readLong();
            byte[] payload = new byte[len];
            in.readFully(payload);
            if ((b0 & 0x0f) == 8) throw new IOException("closed by the server");
            return new String(payload, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // gone
            }
        }
    }

    @Test
    void idleConnectionsAndPostToAckThroughput(@TempDir Path dir) throws Exception {
        assumeTrue(Boolean.getBoolean("herald.bench"), "benchmarks run with -Dherald.bench=true");
        int idle = Integer.getInteger("herald.bench.idle", 10_000);
        int devices = Integer.getInteger("herald.bench.devices", 200);
        int messages = Integer.getInteger("herald.bench.messages", 20_000);
        int port = FreePorts.next();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve("bench.log");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(List.of(System.getProperty("herald.bench.jvm", "-Xmx1g").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), dir.resolve("data").toString(),
                Integer.toString(port)));
        Process server = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<RawWs> open = Collections.synchronizedList(new ArrayList<>());
        try {
            awaitHealthy(port, server, log);
            long heap0 = json(port, "/heap").path("used").asLong();
            long rss0 = json(port, "/rss").path("rss").asLong();
            long t0 = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                AtomicInteger failed = new AtomicInteger();
                java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(200);
                for (int i = 0; i < idle; i++) {
                    inFlight.acquire();
                    pool.submit(() -> {
                        try {
                            RawWs ws = new RawWs(port);
                            ws.send("{\"messageType\":\"hello\",\"use_webpush\":true}");
                            ws.read();
                            open.add(ws);
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        } finally {
                            inFlight.release();
                        }
                    });
                }
                pool.shutdown();
                pool.awaitTermination(5, TimeUnit.MINUTES);
                assertEquals(0, failed.get(), "connections that failed");
            }
            double connectSeconds = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(8000); // the backlog look-ups after hello and the journal flush (5 s) finish: measure the idle state
            long heap1 = json(port, "/heap").path("used").asLong();
            long rss1 = json(port, "/rss").path("rss").asLong();
            System.out.printf("BENCH idle: %d connections with hello in %.1f s; server heap after GC %.2f kB/connection, RSS %.2f kB/connection%n",
                    open.size(), connectSeconds, (heap1 - heap0) / 1024.0 / open.size(), (rss1 - rss0) / 1024.0 / open.size());

            if (Boolean.getBoolean("herald.bench.histogram")) {
                Path jcmd = Path.of(java).resolveSibling("jcmd");
                Process h = new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), "GC.class_histogram")
                        .redirectErrorStream(true).start();
                String[] lines = new String(h.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
                for (int i = 0; i < Math.min(40, lines.length); i++) System.out.println("HISTO " + lines[i]);
            }

            // throughput and latency: the first `devices` connections register a channel and ack everything at once
            List<String> endpoints = new ArrayList<>();
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch received = new CountDownLatch(messages);
            List<Thread> readers = new ArrayList<>();
            for (int d = 0; d < devices; d++) {
                RawWs ws = open.get(d);
                String channel = UUID.randomUUID().toString();
                ws.send("{\"messageType\":\"register\",\"channelID\":\"" + channel + "\"}");
                endpoints.add(PushHarnessIT.parse(ws.read()).path("pushEndpoint").asText());
                readers.add(Thread.ofVirtual().start(() -> {
                    try {
                        while (true) {
                            JsonNode n = PushHarnessIT.parse(ws.read());
                            if (!n.path("messageType").asText().equals("notification")) continue;
                            long now = System.nanoTime();
                            String body = new String(Base64.getUrlDecoder().decode(n.path("data").asText()), StandardCharsets.UTF_8);
                            Long at = sentAt.remove(body);
                            ws.send("{\"messageType\":\"ack\",\"updates\":[{\"channelID\":\"" + channel + "\",\"version\":\""
                                    + n.path("version").asText() + "\",\"code\":100}]}");
                            if (at != null) {
                                latencies.add(now - at);
                                received.countDown();
                            }
                        }
                    } catch (IOException done) {
                        // closed at the end
                    }
                }));
            }
            int senders = 16;
            AtomicInteger next = new AtomicInteger();
            AtomicInteger notCreated = new AtomicInteger();
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int s = 0; s < senders; s++) {
                    pool.submit(() -> {
                        for (int i; (i = next.getAndIncrement()) < messages; ) {
                            String body = "m" + i;
                            sentAt.put(body, System.nanoTime());
                            HttpResponse<String> r = PushHarnessIT.Harness.send(HttpRequest.newBuilder(URI.create(endpoints.get(i % devices)))
                                    .header("TTL", "600").header("Content-Encoding", "aes128gcm")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)));
                            if (r.statusCode() != 201) notCreated.incrementAndGet();
                        }
                    });
                }
            }
            double postSeconds = (System.nanoTime() - start) / 1e9;
            boolean all = received.await(2, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("BENCH post->ack: %d messages to %d connected devices, %d senders: POSTs done in %.1f s, all delivered in %.1f s"
                            + " (%.0f msg/s); latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; not 201: %d; complete: %s%n",
                    messages, devices, senders, postSeconds, seconds, messages / seconds, pct(sorted, 50), pct(sorted, 90),
                    pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, notCreated.get(), all);
            readers.forEach(Thread::interrupt);
        } finally {
            String jfr = System.getProperty("herald.bench.jfr");
            if (jfr != null) { // with -Dherald.bench.jvm=-XX:StartFlightRecording: the server's profile, dumped before the kill
                new ProcessBuilder(Path.of(java).resolveSibling("jcmd").toString(), Long.toString(server.pid()), "JFR.dump",
                        "filename=" + jfr).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
            }
            open.forEach(RawWs::close);
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static JsonNode json(int port, String path) {
        return PushHarnessIT.parse(PushHarnessIT.Harness.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()).body());
    }

    private static void awaitHealthy(int port, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException(Files.readString(log));
            try {
                if (json(port, "/health").path("status").asText().equals("ok")) return;
            } catch (RuntimeException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("bench server did not start: " + Files.readString(log));
    }
}
