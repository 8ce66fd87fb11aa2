package org.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.herald.bench.control.Controller;
import org.herald.bench.report.ReportFiles;
import org.herald.bench.report.RunReport;
import org.herald.bench.report.StepReport;
import org.herald.bench.spec.BenchSpec;
import org.herald.bench.spec.SpecLoader;
import org.herald.server.HeraldServer;
import org.herald.server.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short SIMPLEStone run against a real Herald started in this JVM; the bench reaches it over
 * loopback sockets only. Asserts what a correct server and bench must produce (every PUBLISH
 * answered, every NOTIFY correlated), never a speed: the generous NOTIFY timeout keeps it unflaky.
 */
class HeraldEndToEndIT {
    private static HeraldServer server;
    private static int sipPort;
    private static int tlsPort;
    @TempDir
    static Path data;

    @BeforeAll
    static void startHerald() {
        for (int attempt = 1; ; attempt++) {
            sipPort = FreePorts.next();
            tlsPort = FreePorts.next();
            var config = ConfigLoader.load(null, List.of("sip.udp.port=" + sipPort, "sip.tcp.port=" + sipPort,
                    "sip.tls.port=" + tlsPort, "sip.ws.port=" + FreePorts.next(), "http.port=" + FreePorts.next(),
                    "storage.dir=" + data, "storage.embedded.backend=memory", "sip.domain=localhost", "auth.mode=open"), Map.of());
            try {
                server = HeraldServer.start(config, InstantSource.system());
                return;
            } catch (IllegalStateException e) {
                if (attempt >= 3 || !String.valueOf(e.getMessage()).contains("in use")) throw e;
            }
        }
    }

    @AfterAll
    static void stopHerald() {
        if (server != null) server.close();
    }

    private static BenchSpec spec(String transport, String... more) throws Exception {
        List<String> sets = new java.util.ArrayList<>(List.of("target.port=" + (transport.equals("tls") ? tlsPort : sipPort), "target.transport=" + transport,
                "target.pid=" + ProcessHandle.current().pid(), "population.presentities=40", "population.subscribe-rate=200",
                "load.rates=40,80", "load.warmup=0.5", "load.duration=1.5", "success.notify-timeout-ms=10000", "output.progress=false"));
        sets.addAll(List.of(more));
        return SpecLoader.parse("", sets);
    }

    private static void assertEverythingCorrelated(RunReport run) {
        assertEquals(run.setup().watchers(), run.setup().established(), "subscriptions established");
        assertEquals(2, run.steps().size());
        for (StepReport s : run.steps()) {
            assertTrue(s.publishSent() >= s.targetRate() * 1.5 - 1, "sent " + s.publishSent());
            // a busy machine may slow an answer past the presentity's next slot: that PUBLISH's 412 is stale-ETag, not a failure
            assertEquals(s.publishSent(), s.publishAccepted() + s.publishStaleEtag(), "every PUBLISH answered 2xx: " + s.responseCodes());
            assertTrue(s.publishAccepted() > 0);
            assertEquals(2 * s.publishAccepted(), s.notifyExpected());
            assertEquals(s.notifyExpected(), s.notifyInTime() + s.notifyLate(), "every NOTIFY correlated");
            assertEquals(s.notifyExpected(), s.notifyLatencyMs().count());
            assertTrue(s.benchCpuPercent() != null && s.benchRssMb() != null, "the bench measures itself");
        }
    }

    @Test
    void udpRunThroughTheCommandLineWritesItsResults(@TempDir Path out) throws Exception {
        int code = Main.run(new String[] {"run", "--set", "target.port=" + sipPort, "--set", "population.presentities=40",
                "--set", "population.subscribe-rate=200", "--set", "load.rates=40,80", "--set", "load.warmup=0.5",
                "--set", "load.duration=1.5", "--set", "success.notify-timeout-ms=10000", "--set", "output.progress=false",
                "--set", "target.label=herald-it", "--out", out.toString()});
        assertEquals(0, code);
        RunReport run = ReportFiles.read(out.resolve("run.json"));
        assertEquals("herald-it", run.label());
        assertEverythingCorrelated(run);
        assertEquals(3, Files.readAllLines(out.resolve("steps.csv")).size());
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg class=\"chart\" id=\"latency\""));
    }

    /** Thresholds any correct run meets (the machine may be busy), so the search deterministically takes both steps. */
    @Test
    void tcpSearch() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunReport run = new Controller(spec("tcp", "load.mode=search", "success.offered-ratio=0.01", "success.late-send-ratio=1",
                "success.publish-ratio=0.01", "success.notify-ratio=0.01"), new PrintStream(console, true)).run();
        assertEverythingCorrelated(run);
        assertEquals(80.0, run.highestSustainedRate());
        assertTrue(run.steps().getFirst().sutCpuPercent() != null, "the server's CPU by PID (here: this JVM)");
        assertTrue(console.toString().contains("step 80/s"), console.toString());
    }

    @Test
    void tlsFixedStepsWithPartialNotification() throws Exception {
        RunReport run = new Controller(spec("tls", "watch.accept=application/pidf-diff+xml, application/pidf+xml"),
                new PrintStream(new ByteArrayOutputStream(), true)).run();
        assertEverythingCorrelated(run);
        assertEquals("TLS", run.spec().target().transport().name());
        assertTrue(run.notes().getFirst().contains("pidf"), run.notes().toString());
    }
}
