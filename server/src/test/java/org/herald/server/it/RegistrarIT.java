package org.herald.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The registrar against SIPp over UDP and TCP. */
class RegistrarIT {
    private static TestServer open;
    private static TestServer digest;

    @BeforeAll
    static void start() {
        open = TestServer.start("auth.mode=open");
        digest = TestServer.start("auth.mode=digest");
        digest.addUser("carol@localhost", "s3cret");
        digest.addUser("dave@localhost", "d4ve");
    }

    @AfterAll
    static void stop() {
        open.close();
        digest.close();
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void registersRefreshesQueriesAndRemoves(Sipp.Transport transport) {
        Sipp.scenario("register", open).transport(transport)
                .key("user", "alice-" + transport.name().toLowerCase()).key("domain", "localhost").run().assertPassed();
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void challengesThenAcceptsDigestCredentials(Sipp.Transport transport) {
        Sipp.scenario("register-auth", digest).transport(transport)
                .key("user", "carol").key("domain", "localhost")
                .args("-au", "carol", "-ap", "s3cret").run().assertPassed();
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void onlyThePresentityMayPublishItsPresence(Sipp.Transport transport) {
        Sipp.scenario("publish-as-other", digest).transport(transport)
                .key("user", "carol").key("presentity", "dave").key("domain", "localhost")
                .args("-au", "carol", "-ap", "s3cret").run().assertPassed();
        org.junit.jupiter.api.Assertions.assertTrue(digest.server().publications()
                .live("presence", org.herald.sip.message.Aor.parse("dave@localhost")).isEmpty());
    }
}
