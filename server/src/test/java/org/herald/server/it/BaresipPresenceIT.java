package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.herald.server.it.Baresip.Status;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two real baresip user agents through Herald: both register, each subscribes to the other's
 * presence, and as Bob goes online, offline and online again Alice's view of him follows every
 * change; in open mode and with digest credentials.
 */
class BaresipPresenceIT {
    private static final Duration REGISTRATION = Duration.ofSeconds(10);
    private static final Duration VIEW = Duration.ofSeconds(15);
    private static final Aor ALICE = Aor.parse("alice@127.0.0.1");
    private static final Aor BOB = Aor.parse("bob@127.0.0.1");

    enum Auth {
        OPEN("auth.mode=open"),
        DIGEST("auth.mode=digest");

        final String mode;

        Auth(String mode) {
            this.mode = mode;
        }

        String password(String user) {
            return this == DIGEST ? user + "-secret" : null;
        }
    }

    @BeforeAll
    static void baresipInstalled() {
        assumeTrue(Baresip.installed(), "baresip is not installed (Debian package baresip); skipping the baresip end-to-end test");
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void watcherFollowsOnlineOfflineOnline(Auth auth) {
        try (TestServer server = TestServer.start(auth.mode)) {
            if (auth == Auth.DIGEST) {
                server.addUser(ALICE.toString(), auth.password("alice"));
                server.addUser(BOB.toString(), auth.password("bob"));
            }
            try (Baresip bob = Baresip.start(server, "bob", auth.password("bob"), List.of("alice"));
                    Baresip alice = Baresip.start(server, "alice", auth.password("alice"), List.of("bob"))) {
                bob.awaitRegistered(REGISTRATION);
                alice.awaitRegistered(REGISTRATION);
                awaitSubscription(server, ALICE, BOB);
                awaitSubscription(server, BOB, ALICE);

                bob.online();
                alice.awaitStatus("bob", Status.ONLINE, VIEW);

                bob.offline();
                alice.awaitStatus("bob", Status.OFFLINE, VIEW);

                bob.online();
                alice.awaitStatus("bob", Status.ONLINE, VIEW);

                alice.online();
                bob.awaitStatus("alice", Status.ONLINE, VIEW);
            }
        }
    }

    /** Herald holds an active presence subscription of the watcher to the presentity. */
    private static void awaitSubscription(TestServer server, Aor watcher, Aor presentity) {
        long deadline = System.nanoTime() + REGISTRATION.toNanos();
        while (!hasSubscription(server, watcher, presentity)) {
            assertTrue(System.nanoTime() < deadline, "no active presence subscription of " + watcher + " to " + presentity
                    + "; subscriptions: " + server.server().subscriptions().all());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean hasSubscription(TestServer server, Aor watcher, Aor presentity) {
        return server.server().subscriptions().all().stream().anyMatch((Subscription s) -> "presence".equals(s.event())
                && s.resource().equals(presentity) && s.watcher().equals(watcher) && s.state() == SubscriptionState.ACTIVE);
    }
}
