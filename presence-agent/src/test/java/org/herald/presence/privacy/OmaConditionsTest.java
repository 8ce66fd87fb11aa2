package org.herald.presence.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.Test;

/** OMA's common-policy extensions Kamailio and XDM clients use: other-identity and anonymous-request. */
class OmaConditionsTest {
    private static final Aor ALICE = Aor.parse("sip:alice@example.com");
    private static final String RULES = """
            <cr:rule id="friends"><cr:conditions><cr:identity><cr:one id="sip:bob@example.com"/></cr:identity></cr:conditions>
             <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions></cr:rule>
            <cr:rule id="everyone-else"><cr:conditions><ocp:other-identity/></cr:conditions>
             <cr:actions><pr:sub-handling>polite-block</pr:sub-handling></cr:actions></cr:rule>
            <cr:rule id="anonymous"><cr:conditions><ocp:anonymous-request/></cr:conditions>
             <cr:actions><pr:sub-handling>block</pr:sub-handling></cr:actions></cr:rule>
            """;

    private static Decision decide(Watcher watcher) throws Exception {
        return new Authorizer(PrivacyDefaults.OPEN, java.time.InstantSource.system()).decide(ALICE, Vectors.ruleset(RULES), watcher,
                Optional.empty());
    }

    @Test
    void otherIdentityCatchesEveryoneNoIdentityRuleNames() throws Exception {
        Decision bob = decide(Watcher.of(Aor.parse("sip:bob@example.com")));
        assertEquals(SubHandling.ALLOW, bob.subHandling());
        assertEquals(List.of("friends"), bob.rules(), "bob is named, so other-identity does not apply to him");
        Decision carol = decide(Watcher.of(Aor.parse("sip:carol@example.com")));
        assertEquals(SubHandling.POLITE_BLOCK, carol.subHandling());
        assertEquals(List.of("everyone-else"), carol.rules());
    }

    @Test
    void anonymousRequestMatchesOnlyTheUnauthenticated() throws Exception {
        Decision anonymous = decide(Watcher.anonymous());
        assertEquals(SubHandling.BLOCK, anonymous.subHandling());
        assertEquals(List.of("anonymous"), anonymous.rules(), "other-identity is for identified watchers");
    }
}
