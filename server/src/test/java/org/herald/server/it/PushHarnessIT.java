package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.herald.push.PushConfig;
import org.herald.server.http.HttpServer;
import org.herald.server.push.PushWiring;
import org.herald.store.mongo.DocumentDatabase;
import org.junit.jupiter.api.Test;

/**
 * The push ITs' harness (a real HTTP server on 127.0.0.1 with the push routes, an in-memory MongoDB
 * over the wire) and their WebSocket client (java.net.http). Its own test: the WebSocket support does
 * not disturb plain routes.
 */
class PushHarnessIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Herald's HTTP port with the push gateway mounted, as HeraldServer mounts it. */
    static final class Harness implements AutoCloseable {
        final int port;
        final String base;
        final PushWiring push;
        private final MongoServer mongo;
        private final MongoClient client;
        private final HttpServer http;

        Harness(UnaryOperator<PushConfig> tune) {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            client = MongoClients.create("mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());
            DocumentDatabase db = DocumentDatabase.direct(client.getDatabase("push"));
            HttpServer started = null;
            int p = 0;
            PushWiring wiring = null;
            for (int attempt = 0; started == null; attempt++) {
                p = FreePorts.next();
                wiring = PushWiring.start(tune.apply(PushConfig.defaults("http://127.0.0.1:" + p)), db, InstantSource.system());
                try {
                    started = HttpServer.start("127.0.0.1", p, Map.of("GET /health", r -> new HttpServer.Reply(200, "{\"status\":\"ok\"}")),
                            wiring.routes(), wiring.sockets());
                } catch (IllegalStateException e) {
                    wiring.close();
                    if (attempt > 3) throw e;
                }
            }
            port = p;
            base = "http://127.0.0.1:" + p;
            push = wiring;
            http = started;
        }

        Harness() {
            this(c -> c);
        }

        WsClient connect() {
            return WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/push"));
        }

        String newToken() {
            HttpResponse<String> r = get("/token");
            assertEquals(200, r.statusCode(), r.body());
            return r.body().trim();
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String url, String body, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) b.headers(headers);
            return send(b);
        }

        HttpResponse<String> postBytes(String url, byte[] body, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (headers.length > 0) b.headers(headers);
            return send(b);
        }

        static HttpResponse<String> send(HttpRequest.Builder b) {
            try {
                return HTTP.send(b.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            http.close();
            push.close();
            client.close();
            mongo.shutdownNow();
        }
    }

    /** A WebSocket client speaking JSON text frames, offering the push-notification subprotocol. */
    static final class WsClient implements AutoCloseable {
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closedFuture = new CompletableFuture<>();
        private WebSocket socket;

        static WsClient connect(URI uri) {
            WsClient c = new WsClient();
            WebSocket.Listener listener = new WebSocket.Listener() {
                final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        c.queue.add(partial.toString());
                        partial.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                    c.closedFuture.complete(status);
                    return null;
                }

                @Override
                public void onError(WebSocket ws, Throwable error) {
                    c.closedFuture.complete(-1);
                }
            };
            try {
                c.socket = HTTP.newWebSocketBuilder().subprotocols("push-notification").connectTimeout(Duration.ofSeconds(2))
                        .buildAsync(uri, listener).get(5, TimeUnit.SECONDS);
                return c;
            } catch (Exception e) {
                throw new IllegalStateException("cannot connect " + uri + ": " + e, e);
            }
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        void send(ObjectNode json) {
            send(json.toString());
        }

        /** The next message as JSON, failing after 5 s. */
        ObjectNode next() {
            return next(Duration.ofSeconds(5));
        }

        ObjectNode next(Duration wait) {
            String text = poll(wait);
            if (text == null) fail("no message within " + wait);
            try {
                return (ObjectNode) JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + text, e);
            }
        }

        /** The next raw message, or null after the wait. */
        String poll(Duration wait) {
            try {
                return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** Whether the server closed the connection within the wait. */
        boolean closedWithin(Duration wait) {
            try {
                closedFuture.get(wait.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        int closeCode(Duration wait) {
            try {
                return closedFuture.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                return 0;
            }
        }

        String subprotocol() {
            return socket.getSubprotocol();
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

    static ObjectNode obj(Object... kv) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) n.set((String) kv[i], JSON.valueToTree(kv[i + 1]));
        return n;
    }

    static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + s, e);
        }
    }

    @Test
    void plainRoutesStillWorkBesideTheWebSocketEndpoint() {
        try (Harness h = new Harness(); WsClient ws = h.connect()) {
            assertEquals("push-notification", ws.subprotocol());
            assertEquals(200, h.get("/health").statusCode());
            assertEquals(404, h.get("/nothing-here").statusCode());
            // /push without an upgrade is no route
            assertEquals(404, h.get("/push").statusCode());
            ws.send("{}");
            assertNotNull(ws.poll(Duration.ofSeconds(5)));
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeoutAndPingsKeepItOpen() throws InterruptedException {
        try (Harness h = new Harness(c -> c.withIdleTimeout(Duration.ofSeconds(1))); WsClient quiet = h.connect();
             WsClient pinging = h.connect()) {
            for (int i = 0; i < 5; i++) {
                pinging.send("{}");
                assertNotNull(pinging.poll(Duration.ofSeconds(2)));
                Thread.sleep(400);
            }
            assertTrue(quiet.closedWithin(Duration.ofSeconds(1)), "the silent one is closed");
            assertFalse(pinging.closedWithin(Duration.ofMillis(100)), "the pinging one is open");
        }
    }

    @Test
    void connectionsAboveTheCapAreRefusedWith503() throws Exception {
        try (Harness h = new Harness(c -> c.withMaxConnections(2)); WsClient a = h.connect(); WsClient b = h.connect()) {
            assertThrows(IllegalStateException.class, h::connect);
            var refused = assertThrows(IOException.class, () -> new PushBenchIT.RawWs(h.port).close());
            assertTrue(refused.getMessage().startsWith("no upgrade: HTTP/1.1 503"), refused.getMessage());
            a.close();
            for (int i = 0; i < 50; i++) { // the server sees the close a moment later
                try (WsClient c = h.connect()) {
                    assertEquals("push-notification", c.subprotocol());
                    return;
                } catch (IllegalStateException stillFull) {
                    Thread.sleep(50);
                }
            }
            throw new AssertionError("a closed connection did not free its place");
        }
    }

    @Test
    void aBinaryFrameClosesWith1003() {
        try (Harness h = new Harness(); WsClient ws = h.connect()) {
            ws.socket.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2}), true).join();
            assertEquals(1003, ws.closeCode(Duration.ofSeconds(5)));
        }
    }

    @Test
    void aMessageAboveTheLimitIsAnErrorAndAHugeFrameClosesWith1009() {
        try (Harness h = new Harness(); WsClient ws = h.connect()) {
            ws.send("{\"messageType\":\"registerUA\",\"uatoken\":\"" + "x".repeat(10_000) + "\"}");
            ObjectNode error = ws.next();
            assertEquals(413, error.path("statusCode").asInt(), error.toString());
            assertEquals("Message too big", error.path("reason").asText());
            ws.send("{\"messageType\":\"registerUA\",\"uatoken\":\"" + "x".repeat(40_000) + "\"}");
            // Netty sends 1009 and closes at once; while the client still writes, the close frame may be lost (1006)
            int code = ws.closeCode(Duration.ofSeconds(5));
            assertTrue(code == 1009 || code == 1006, "closed with " + code);
        }
    }
}
