package org.herald.wakeup.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import org.herald.wakeup.SignedRequests;
import org.herald.wakeup.WakeOrder;

/** Sends signed wake-up orders to proxies and reads their status, over HTTPS. */
public final class WakeupClient {
    private static final ObjectMapper json = new ObjectMapper();

    /** What a proxy answered: {@code sent}, {@code suppressed} (already woken recently) or why not. */
    public record Result(int status, String outcome) {
        public boolean woken() {
            return status == 200; // sent now, or within the proxy's interval: either way a wake is under way
        }
    }

    private final HttpClient http;
    private final InstantSource clock;

    /** @param http with the TLS trust that accepts the proxies' certificates */
    public WakeupClient(HttpClient http, InstantSource clock) {
        this.http = http;
        this.clock = clock;
    }

    public CompletableFuture<Result> wake(ProxyEndpoint proxy, WakeOrder order) {
        byte[] body = json.createObjectNode().put("ip", order.ip().getHostAddress()).put("port", order.port())
                .put("protocol", order.protocol().name().toLowerCase()).toString().getBytes(StandardCharsets.UTF_8);
        URI uri = proxy.url().resolve("/wakeup");
        String authorization = new SignedRequests(proxy.secret().getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60))
                .sign(clock.instant(), "POST", uri.getRawPath(), body);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> new Result(r.statusCode(), outcome(r.body())))
                .exceptionally(e -> new Result(0, "unreachable: " + e.getMessage()));
    }

    /** True when the proxy answers {@code /status} with 200 (not in maintenance, reachable). */
    public CompletableFuture<Boolean> healthy(ProxyEndpoint proxy) {
        HttpRequest request = HttpRequest.newBuilder(proxy.url().resolve("/status")).timeout(Duration.ofSeconds(5)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> r.statusCode() == 200)
                .exceptionally(e -> false);
    }

    private static String outcome(String body) {
        try {
            var node = json.readTree(body);
            return node.has("status") ? node.get("status").asText() : node.path("error").asText("?");
        } catch (Exception e) {
            return "?";
        }
    }
}
