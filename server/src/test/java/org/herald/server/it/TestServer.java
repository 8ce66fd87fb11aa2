package org.herald.server.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.herald.server.HeraldServer;
import org.herald.server.config.ConfigLoader;
import org.herald.server.config.HeraldConfig;

/**
 * A real Herald in this JVM on free loopback ports, with the embedded MongoDB in memory unless a test
 * asks for files. Tests talk to it over real sockets only.
 */
public final class TestServer implements AutoCloseable {
    public int sipPort;
    public int tlsPort;
    public int wsPort;
    public int httpPort;
    public final Path dataDir;
    private final HeraldServer server;

    private TestServer(List<String> extra) {
        try {
            dataDir = Files.createTempDirectory("herald-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = startOnFreePorts(extra);
    }

    /** A free port can be taken by another process before the server binds it: then try others. */
    private HeraldServer startOnFreePorts(List<String> extra) {
        for (int attempt = 1; ; attempt++) {
            sipPort = FreePorts.next();
            tlsPort = FreePorts.next();
            wsPort = FreePorts.next();
            httpPort = FreePorts.next();
            List<String> sets = new ArrayList<>(List.of(
                    "sip.udp.port=" + sipPort, "sip.tcp.port=" + sipPort, "sip.tls.port=" + tlsPort,
                    "sip.ws.port=" + wsPort, "http.port=" + httpPort, "storage.dir=" + dataDir,
                    "storage.embedded.backend=memory", "sip.domain=localhost"));
            sets.addAll(extra);
            HeraldConfig config = ConfigLoader.load(null, sets, Map.of());
            try {
                return HeraldServer.start(config, InstantSource.system());
            } catch (IllegalStateException e) {
                if (attempt >= 3 || !String.valueOf(e.getMessage()).contains("in use")) throw e;
            }
        }
    }

    /** Starts with the given {@code key=value} overrides on top of the test defaults. */
    public static TestServer start(String... overrides) {
        return new TestServer(List.of(overrides));
    }

    public HeraldServer server() {
        return server;
    }

    /** Adds a SIP user through the same store the server uses. */
    public void addUser(String aor, String password) {
        server.users().save(org.herald.sip.auth.User.withPassword(org.herald.sip.message.Aor.parse(aor), password));
    }

    public String sipAddress() {
        return "127.0.0.1:" + sipPort;
    }

    @Override
    public void close() {
        server.close();
    }
}
