package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs SIPp (Debian's sip-tester) with a scenario from {@code src/test/resources/sipp} against a
 * server: an independent SIP implementation, so Herald is judged by a peer it does not share code with.
 */
public final class Sipp {
    public enum Transport {
        UDP("u1"), TCP("t1");

        final String flag;

        Transport(String flag) {
            this.flag = flag;
        }
    }

    /** A finished run: exit status 0 means every scenario step matched. */
    public record Run(int exitCode, String output, Path workDir) {
        public String messages() {
            return readAll(workDir, "_messages.log");
        }

        public String errors() {
            return readAll(workDir, "_errors.log");
        }

        public Run assertPassed() {
            if (exitCode != 0) {
                fail("sipp failed (exit " + exitCode + ")\n--- errors ---\n" + errors() + "\n--- messages ---\n" + messages()
                        + "\n--- output ---\n" + output);
            }
            return this;
        }
    }

    private final String scenario;
    private final String target;
    private Transport transport = Transport.UDP;
    private final Map<String, String> keys = new java.util.LinkedHashMap<>();
    private int calls = 1;
    private int localPort = 0;
    private final List<String> extra = new ArrayList<>();

    private Sipp(String scenario, String target) {
        this.scenario = scenario;
        this.target = target;
    }

    public static Sipp scenario(String name, TestServer server) {
        return new Sipp(name, server.sipAddress());
    }

    public Sipp transport(Transport t) {
        this.transport = t;
        return this;
    }

    /** A {@code [name]} substitution in the scenario ({@code -key name value}). */
    public Sipp key(String name, Object value) {
        keys.put(name, String.valueOf(value));
        return this;
    }

    public Sipp calls(int n) {
        this.calls = n;
        return this;
    }

    public Sipp localPort(int port) {
        this.localPort = port;
        return this;
    }

    public Sipp args(String... more) {
        extra.addAll(List.of(more));
        return this;
    }

    public Process start(Path workDir) {
        List<String> cmd = new ArrayList<>(List.of("sipp", "-sf", scenarioFile().toString(), "-t", transport.flag,
                "-m", Integer.toString(calls), "-i", "127.0.0.1", "-p", Integer.toString(localPort == 0 ? FreePorts.next() : localPort),
                "-nostdin", "-trace_msg", "-trace_err", "-timeout", "30s", "-timeout_error",
                "-max_recv_loops", "1000"));
        keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
        cmd.addAll(extra);
        cmd.add(target);
        try {
            return new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("sipp.out").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sipp (install Debian's sip-tester)", e);
        }
    }

    public Run run() {
        try {
            Path dir = Files.createTempDirectory("sipp");
            Process p = start(dir);
            return finish(p, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Run finish(Process p, Path dir) {
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("sipp did not finish in 60 s");
            }
            return new Run(p.exitValue(), Files.readString(dir.resolve("sipp.out")), dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path scenarioFile() {
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario + ".xml")) {
            if (in == null) throw new IllegalArgumentException("no scenario " + scenario);
            Path file = Files.createTempFile(scenario, ".xml");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(Path dir, String suffix) {
        try (var files = Files.list(dir)) {
            StringBuilder sb = new StringBuilder();
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                sb.append(Files.readString(f));
            }
            return sb.toString();
        } catch (IOException e) {
            return "(cannot read " + suffix + ": " + e + ")";
        }
    }
}
