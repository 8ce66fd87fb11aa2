package org.herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the Chrome DevTools Protocol: one
 * page, extra request headers (for HTTP credentials), navigation and JavaScript evaluation. Enough to
 * check that a web page loads, shows what it should and updates by itself.
 */
public final class Chromium implements AutoCloseable {
    private static final ObjectMapper json = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

    private final Process process;
    private final Path profile;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Chromium(Process process, Path profile, WebSocket page) {
        this.process = process;
        this.profile = profile;
        this.page = page;
    }

    /** Starts Chromium headless with a fresh profile and opens one blank page. */
    public static Chromium start() {
        Path profile;
        Process process;
        try {
            profile = Files.createTempDirectory("simplestone-chromium");
            process = new ProcessBuilder("chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-dev-shm-usage", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                    "--user-data-dir=" + profile, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start chromium (apt-get install chromium)", e);
        }
        try {
            String browser = devToolsUrl(process);
            URI http = URI.create(browser.replace("ws://", "http://"));
            String base = "http://" + http.getHost() + ":" + http.getPort();
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/json/new?about:blank"))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            String pageUrl = json.readTree(created.body()).path("webSocketDebuggerUrl").asText();
            Chromium[] self = new Chromium[1];
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        self[0].received(partial.toString());
                        partial.setLength(0);
                    }
                    socket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            self[0] = new Chromium(process, profile, ws);
            return self[0];
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not offer a DevTools page", e);
        }
    }

    private static String devToolsUrl(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> { // keep reading so chromium never blocks on a full pipe
                    try {
                        while (err.readLine() != null) { }
                    } catch (IOException ignored) {
                        // chromium exited
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IOException("chromium exited without a DevTools address");
    }

    private void received(String message) {
        try {
            JsonNode m = json.readTree(message);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) f.complete(m);
            }
        } catch (IOException e) {
            // not JSON: ignore
        }
    }

    /** Sends one DevTools command and returns its result; a protocol error fails. */
    public JsonNode command(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode m = json.createObjectNode().put("id", id).put("method", method);
        m.set("params", params);
        page.sendText(m.toString(), true).join();
        try {
            JsonNode r = answer.get(10, TimeUnit.SECONDS);
            if (r.has("error")) throw new IllegalStateException(method + ": " + r.get("error"));
            return r.path("result");
        } catch (Exception e) {
            throw new IllegalStateException("DevTools " + method + " failed", e);
        }
    }

    /** Every request the page makes carries these headers from now on. */
    public void headers(Map<String, String> headers) {
        command("Network.enable", json.createObjectNode());
        ObjectNode params = json.createObjectNode();
        ObjectNode h = params.putObject("headers");
        headers.forEach(h::put);
        command("Network.setExtraHTTPHeaders", params);
    }

    public void navigate(String url) {
        command("Page.navigate", json.createObjectNode().put("url", url));
    }

    /** Evaluates a JavaScript expression in the page and returns its value as a string. */
    public String evaluate(String expression) {
        JsonNode r = command("Runtime.evaluate", json.createObjectNode().put("expression", expression).put("returnByValue", true));
        return r.path("result").path("value").asText("");
    }

    /** Evaluates until the value satisfies {@code wanted}, at most {@code timeout}; returns the last value. */
    public String await(String expression, Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String value = evaluate(expression);
        while (!wanted.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = evaluate(expression);
        }
        return value;
    }

    @Override
    public void close() {
        page.abort();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temporary profile is harmless (chromium's helpers may still be writing to it)
        }
    }
}
