package org.herald.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One real baresip (Debian's {@code baresip} 1.0.0) as a headless SIP user agent, driven through its
 * {@code ctrl_tcp} module: it registers, publishes its presence (PUBLISH) and subscribes to the
 * presence of its {@code presence=p2p} contacts, all through the server under test.
 *
 * <p>baresip reads a config directory ({@code -f}) holding {@code config}, {@code accounts} and
 * {@code contacts}; this class writes one into a temporary directory. ctrl_tcp speaks netstrings
 * ({@code <len>:<json>,}): requests {@code {"command":..,"token":..}}, answers
 * {@code {"response":true,"ok":..,"data":..,"token":..}} and events {@code {"event":true,..}}, the
 * latter only to a connected client. It serves one connection at a time (a new one closes the old),
 * so this class keeps a single connection open for the life of the process.
 */
public final class Baresip implements AutoCloseable {
    /** A buddy's presence as baresip's {@code contacts} command shows it. */
    public enum Status {
        ONLINE("Online"), OFFLINE("Offline"), BUSY("Busy"), UNKNOWN("Unknown");

        final String word;

        Status(String word) {
            this.word = word;
        }
    }

    private static final String BINARY = "baresip";
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long baresip may take to withdraw its state and exit after the first SIGTERM (it needs ~0.5 s). */
    private static final Duration SHUTDOWN = Duration.ofSeconds(3);
    private static final int MAX_FRAME = 1 << 20;
    /** The TLS ports (SIP port + 1) baresip instances hold, which FreePorts does not know about. */
    private static final Set<Integer> TLS_PORTS = new HashSet<>();

    private final String user;
    private final Path dir;
    private final Path log;
    private final int sipPort;
    private final Process process;
    private final Socket control;
    private final OutputStream toControl;
    private final Thread reader;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();

    private Baresip(String user, Path dir, int sipPort, Process process, Socket control) throws IOException {
        this.user = user;
        this.dir = dir;
        this.log = dir.resolve("out.txt");
        this.sipPort = sipPort;
        this.process = process;
        this.control = control;
        this.toControl = control.getOutputStream();
        this.reader = Thread.ofPlatform().daemon().name("baresip-ctrl-" + user).start(this::readFrames);
    }

    /** Whether the {@code baresip} binary is on the PATH. */
    public static boolean installed() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, BINARY)));
    }

    /**
     * Starts a baresip for {@code user@127.0.0.1} registered at the server over UDP, publishing its
     * presence, and subscribing to each of {@code watched} (user names at the same server).
     *
     * @param password the digest password, or {@code null} to send no credentials (open mode)
     */
    public static Baresip start(TestServer server, String user, String password, List<String> watched) {
        Path dir = null;
        Process process = null;
        int sipPort = 0;
        try {
            dir = Files.createTempDirectory("baresip-" + user);
            sipPort = sipPortPair();
            int ctrlPort = portBesidesTls();
            writeConfig(dir, server.sipPort, user, password, watched, sipPort, ctrlPort);
            process = new ProcessBuilder(BINARY, "-f", dir.toString(), "-s")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            Socket control = connect(process, ctrlPort);
            return new Baresip(user, dir, sipPort, process, control);
        } catch (IOException | RuntimeException e) {
            String output = dir == null ? "" : readQuietly(dir.resolve("out.txt"));
            if (process != null) stop(process);
            if (dir != null) deleteQuietly(dir);
            releaseTls(sipPort);
            throw new IllegalStateException("cannot start baresip for " + user + ": " + e + "\n--- baresip output ---\n" + output, e);
        }
    }

    /**
     * A SIP port free for UDP and TCP whose successor (baresip's TLS listener) is free too; the
     * successor is remembered so that no other port of ours is picked from under it.
     */
    private static int sipPortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = FreePorts.next();
            synchronized (TLS_PORTS) {
                if (TLS_PORTS.contains(port) || TLS_PORTS.contains(port + 1) || !free(port + 1)) continue;
                TLS_PORTS.add(port + 1);
            }
            return port;
        }
        throw new IllegalStateException("no free port pair for baresip");
    }

    private static void releaseTls(int sipPort) {
        synchronized (TLS_PORTS) {
            TLS_PORTS.remove(sipPort + 1);
        }
    }

    /** A free port that no running baresip is about to take for TLS. */
    private static int portBesidesTls() {
        while (true) {
            int port = FreePorts.next();
            synchronized (TLS_PORTS) {
                if (!TLS_PORTS.contains(port)) return port;
            }
        }
    }

    private static boolean free(int port) {
        try (ServerSocket tcp = new ServerSocket();
                DatagramSocket udp = new DatagramSocket(null)) {
            tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            udp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void writeConfig(Path dir, int serverPort, String user, String password, List<String> watched,
            int sipPort, int ctrlPort) throws IOException {
        Files.writeString(dir.resolve("config"), String.join("\n",
                "poll_method\tepoll",
                "sip_listen\t127.0.0.1:" + sipPort,
                "dns_server\t127.0.0.1:53",
                "module_path\t/usr/lib/baresip/modules",
                "module_tmp\taccount.so",
                "module_app\tcontact.so",
                "module_app\tpresence.so",
                "module_app\tmenu.so",
                "module_app\tctrl_tcp.so",
                "ctrl_tcp_listen\t127.0.0.1:" + ctrlPort,
                ""));
        // Without auth_pass baresip would prompt for a password on a challenge; in open mode none comes.
        String credentials = password == null ? "" : ";auth_user=" + user + ";auth_pass=" + password;
        Files.writeString(dir.resolve("accounts"),
                "<sip:" + user + "@127.0.0.1:" + serverPort + ";transport=udp>" + credentials + ";regint=600;pubint=600\n");
        StringBuilder contacts = new StringBuilder();
        for (String buddy : watched) {
            contacts.append("\"").append(buddy).append("\" <sip:").append(buddy).append("@127.0.0.1:").append(serverPort)
                    .append(">;presence=p2p\n");
        }
        Files.writeString(dir.resolve("contacts"), contacts.toString());
    }

    /** ctrl_tcp listens once baresip has loaded its modules: retry until it accepts. */
    private static Socket connect(Process process, int ctrlPort) throws IOException {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("baresip exited with " + process.exitValue() + " before ctrl_tcp accepted");
            }
            try {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), ctrlPort), 1000);
                    socket.setTcpNoDelay(true);
                    return socket;
                } catch (IOException e) {
                    socket.close();
                    throw e;
                }
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) throw new IOException("ctrl_tcp on " + ctrlPort + " never accepted", notYet);
                sleep(50);
            }
        }
    }

    public String user() {
        return user;
    }

    public int sipPort() {
        return sipPort;
    }

    /**
     * Sends a ctrl_tcp command and returns baresip's answer ({@code ok}, {@code data}, {@code token}).
     *
     * @param params the command's argument, or {@code null}
     */
    public JsonNode command(String command, String params) {
        String token = user + "-" + tokens.incrementAndGet();
        ObjectNode request = JSON.createObjectNode().put("command", command).put("token", token);
        if (params != null) request.put("params", params);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(token, answer);
        try {
            byte[] json = JSON.writeValueAsBytes(request);
            synchronized (toControl) {
                toControl.write((json.length + ":").getBytes(StandardCharsets.US_ASCII));
                toControl.write(json);
                toControl.write(',');
                toControl.flush();
            }
            return answer.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send " + command + " to baresip " + user, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("baresip " + user + " did not answer " + command + " in " + COMMAND_TIMEOUT
                    + "\n--- baresip output ---\n" + output(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("baresip " + user + " control connection failed during " + command, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pending.remove(token);
        }
    }

    public JsonNode command(String command) {
        return command(command, null);
    }

    /** The text a command printed, ANSI colours removed; fails if baresip says the command failed. */
    public String commandText(String command) {
        JsonNode answer = command(command);
        String data = ANSI.matcher(answer.path("data").asText("")).replaceAll("");
        if (!answer.path("ok").asBoolean(false)) {
            throw new IllegalStateException("baresip " + user + " refused " + command + ": " + data);
        }
        return data;
    }

    /** Declares the user present (PUBLISH with basic {@code open}). */
    public void online() {
        commandText("presence_online");
    }

    /** Declares the user absent (PUBLISH with basic {@code closed}). */
    public void offline() {
        commandText("presence_offline");
    }

    /** Events received so far (REGISTER_OK, ...), oldest first. */
    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /**
     * Waits until the account is registered: a REGISTER_OK event, or {@code reginfo} reporting OK
     * (the event is lost when registration finished before the control connection opened).
     */
    public void awaitRegistered(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String reginfo = "";
        while (System.nanoTime() < deadline) {
            boolean event = events.stream().anyMatch(e -> "REGISTER_OK".equals(e.path("type").asText()));
            reginfo = commandText("reginfo");
            if (event || registeredIn(reginfo)) return;
            sleep(100);
        }
        throw new AssertionError("baresip " + user + " did not register in " + timeout + "; reginfo:\n" + reginfo
                + "\nevents: " + events + "\n--- baresip output ---\n" + output());
    }

    /** Whether {@code reginfo} shows this user's account with an OK registration. */
    public boolean registered() {
        return registeredIn(commandText("reginfo"));
    }

    private boolean registeredIn(String reginfo) {
        return reginfo.lines().anyMatch(l -> l.contains(user + "@127.0.0.1") && Pattern.compile("\\bOK\\b").matcher(l).find());
    }

    /** The status {@code contacts} shows for a buddy, if the buddy is listed with a known status word. */
    public Optional<Status> statusOf(String buddy) {
        return statusIn(commandText("contacts"), buddy);
    }

    static Optional<Status> statusIn(String contacts, String buddy) {
        String uri = "sip:" + buddy + "@";
        for (String line : contacts.lines().toList()) {
            if (!line.contains(uri)) continue;
            for (Status s : Status.values()) {
                if (Pattern.compile("\\b" + s.word + "\\b").matcher(line).find()) return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Polls {@code contacts} until the buddy shows {@code expected}: baresip emits no event when a
     * buddy's presence changes.
     */
    public void awaitStatus(String buddy, Status expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String contacts = "";
        while (System.nanoTime() < deadline) {
            contacts = commandText("contacts");
            if (statusIn(contacts, buddy).orElse(null) == expected) return;
            sleep(100);
        }
        throw new AssertionError("baresip " + user + " never saw " + buddy + " " + expected.word + " within " + timeout
                + "; last contacts:\n" + contacts + "\n--- baresip output ---\n" + output());
    }

    /** Everything baresip printed so far (with -s, its SIP trace), ANSI colours removed. */
    public String output() {
        return ANSI.matcher(readQuietly(log)).replaceAll("");
    }

    /**
     * Stops baresip: a SIGTERM makes it un-PUBLISH and un-SUBSCRIBE, then un-REGISTER, and exit about
     * half a second later; should it hang on an unanswered request, a second SIGTERM makes it quit at
     * once. Its output goes to the test's standard output (surefire keeps it in the report's
     * {@code -output.txt}).
     */
    @Override
    public void close() {
        stop(process);
        try {
            control.close();
        } catch (IOException ignored) {
            // already gone with the process
        }
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("--- baresip " + user + " (SIP port " + sipPort + ") ---\n" + output());
        releaseTls(sipPort);
        deleteQuietly(dir);
    }

    private static void stop(Process process) {
        try {
            if (!process.isAlive()) return;
            process.destroy();
            if (process.waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) return;
            process.destroy();
            if (process.waitFor(1, TimeUnit.SECONDS)) return;
            process.destroyForcibly();
            process.waitFor(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void readFrames() {
        try (InputStream in = new BufferedInputStream(control.getInputStream())) {
            while (true) {
                byte[] frame = readNetstring(in);
                if (frame == null) break;
                JsonNode message = JSON.readTree(frame);
                if (message.path("response").asBoolean(false)) {
                    CompletableFuture<JsonNode> waiting = pending.get(message.path("token").asText(""));
                    if (waiting != null) waiting.complete(message);
                } else if (message.path("event").asBoolean(false)) {
                    events.add(message);
                }
            }
        } catch (IOException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
            return;
        }
        IOException closed = new IOException("baresip closed the control connection");
        pending.values().forEach(f -> f.completeExceptionally(closed));
    }

    /** One netstring, or {@code null} at a clean end of stream. */
    private static byte[] readNetstring(InputStream in) throws IOException {
        int length = 0;
        int digits = 0;
        int c;
        while ((c = in.read()) != ':') {
            if (c == -1 && digits == 0) return null;
            if (c < '0' || c > '9' || ++digits > 7) throw new IOException("bad netstring length byte " + c);
            length = length * 10 + (c - '0');
        }
        if (digits == 0 || length > MAX_FRAME) throw new IOException("bad netstring length " + length);
        byte[] frame = in.readNBytes(length);
        if (frame.length != length || in.read() != ',') throw new IOException("truncated netstring");
        return frame;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
