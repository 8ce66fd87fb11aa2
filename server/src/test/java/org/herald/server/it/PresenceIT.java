package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PUBLISH (RFC 3903) and SUBSCRIBE/NOTIFY (RFC 6665, RFC 3856) against SIPp over UDP and TCP. */
class PresenceIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("auth.mode=open");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void publicationLifecycleAndBadBodies(Sipp.Transport transport) {
        String user = "pub-" + transport.name().toLowerCase();
        Sipp.scenario("publish", server).transport(transport).key("user", user).key("domain", "localhost")
                .key("note", "ready").run().assertPassed();
        assertEquals(0, server.server().publications().live("presence", org.herald.sip.message.Aor.parse(user + "@localhost")).size(),
                "the removed publication is gone");
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void watcherSeesPublishedStateRefreshesAndUnsubscribes(Sipp.Transport transport) throws IOException {
        String presentity = "bob-" + transport.name().toLowerCase();
        Path dir = Files.createTempDirectory("watcher");
        int before = server.server().subscriptions().count();
        Process watcher = Sipp.scenario("watcher", server).transport(transport).key("user", "alice")
                .key("presentity", presentity).key("domain", "localhost").start(dir);
        await(() -> server.server().subscriptions().count() == before + 1, "the SUBSCRIBE is accepted");
        Sipp.scenario("publish-once", server).transport(transport).key("user", presentity).key("domain", "localhost")
                .key("basic", "open").key("note", "at-the-beach").run().assertPassed();
        Sipp.finish(watcher, dir).assertPassed();
        assertEquals(before, server.server().subscriptions().count(), "the unsubscribed subscription is gone");
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
