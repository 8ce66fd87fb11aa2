package org.herald.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.herald.presence.pidf.PidfParser;
import org.herald.presence.privacy.Decision;
import org.herald.presence.privacy.Permissions;
import org.herald.presence.privacy.PrivacyDefaults;
import org.herald.presence.privacy.SubHandling;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.Test;

/** The per-watcher work is done once per outcome, and again only when the rules change. */
class PresenceAuthorizationTest {
    private static final Aor ALICE = Aor.parse("sip:alice@example.com");
    private static final String PIDF = """
            <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
                xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="sip:alice@example.com">
             <tuple id="t1"><status><basic>open</basic></status><contact>sip:alice@192.0.2.1</contact></tuple>
             <dm:person id="p1"><rpid:activities><rpid:away/></rpid:activities></dm:person>
            </presence>""";
    private static final String RULES = """
            <cr:ruleset xmlns:cr="urn:ietf:params:xml:ns:common-policy" xmlns:pr="urn:ietf:params:xml:ns:pres-rules">
             <cr:rule id="colleagues"><cr:conditions><cr:identity><cr:many domain="example.com"/></cr:identity></cr:conditions>
              <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions>
              <cr:transformations><pr:provide-services><pr:all-services/></pr:provide-services></cr:transformations></cr:rule>
             <cr:rule id="partners"><cr:conditions><cr:identity><cr:many domain="example.org"/></cr:identity></cr:conditions>
              <cr:actions><pr:sub-handling>%s</pr:sub-handling></cr:actions>
              <cr:transformations><pr:provide-persons><pr:all-persons/></pr:provide-persons></cr:transformations></cr:rule>
            </cr:ruleset>""";

    private final AtomicReference<String> stored = new AtomicReference<>(RULES.formatted("allow"));
    private final AtomicInteger reads = new AtomicInteger();
    private final PresenceAuthorization authorization = new PresenceAuthorization(presentity -> {
        reads.incrementAndGet();
        return Optional.ofNullable(stored.get()).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }, PrivacyDefaults.DEFAULT, Permissions.ALLOW_ALL, InstantSource.system());

    private static PresenceView view() throws Exception {
        return PresenceView.of(ALICE, new PidfParser().parse(PIDF.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] bodyFor(PresenceView view, String watcher) {
        Decision d = authorization.decide(ALICE, Aor.parse(watcher), view.document());
        return authorization.body(view, d.permissions());
    }

    @Test
    void aThousandWatchersInTwoClassesCostTwoBodiesAndOneRulesRead() throws Exception {
        PresenceView view = view();
        byte[] colleague = bodyFor(view, "sip:w0@example.com");
        byte[] partner = bodyFor(view, "sip:w0@example.org");
        for (int i = 1; i < 500; i++) {
            assertSame(colleague, bodyFor(view, "sip:w" + i + "@example.com"));
            assertSame(partner, bodyFor(view, "sip:w" + i + "@example.org"));
        }
        assertEquals(2, authorization.bodiesRendered());
        assertEquals(1, reads.get());

        PresenceView next = view(); // a new publication: a new version, rendered once per class again
        bodyFor(next, "sip:w1@example.com");
        bodyFor(next, "sip:w1@example.org");
        assertEquals(4, authorization.bodiesRendered());
        assertEquals(1, reads.get());
    }

    @Test
    void aRulesChangeIsReadOnceAndDecidesAgain() throws Exception {
        PresenceView view = view();
        assertEquals(SubHandling.ALLOW, authorization.decide(ALICE, Aor.parse("sip:bob@example.org"), view.document()).subHandling());
        stored.set(RULES.formatted("confirm"));
        assertEquals(SubHandling.ALLOW, authorization.decide(ALICE, Aor.parse("sip:bob@example.org"), view.document()).subHandling(),
                "until told, the cached rules stand");
        authorization.rulesChanged(ALICE);
        assertEquals(SubHandling.CONFIRM, authorization.decide(ALICE, Aor.parse("sip:bob@example.org"), view.document()).subHandling());
        assertEquals(SubHandling.CONFIRM, authorization.decide(ALICE, Aor.parse("sip:carol@example.org"), view.document()).subHandling());
        assertEquals(2, reads.get());

        stored.set(null);
        authorization.rulesChanged(ALICE);
        assertEquals(SubHandling.ALLOW, authorization.decide(ALICE, Aor.parse("sip:bob@example.org"), view.document()).subHandling(),
                "no document at all: the without-rules default");
        assertSame(view.body(), bodyFor(view, "sip:bob@example.org"), "who sees everything gets the view's own bytes");
    }

    @Test
    void aValidityIntervalThatBeginsIsReportedOnceAndChangesTheDecision() throws Exception {
        AtomicReference<java.time.Instant> now = new AtomicReference<>(java.time.Instant.parse("2026-11-22T10:00:00Z"));
        String timed = """
                <cr:ruleset xmlns:cr="urn:ietf:params:xml:ns:common-policy" xmlns:pr="urn:ietf:params:xml:ns:pres-rules">
                 <cr:rule id="office-hours"><cr:conditions><cr:identity><cr:one id="sip:bob@example.org"/></cr:identity>
                  <cr:validity><cr:from>2026-11-22T11:00:00Z</cr:from><cr:until>2026-11-22T12:00:00Z</cr:until></cr:validity></cr:conditions>
                  <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions></cr:rule>
                </cr:ruleset>""";
        var timedAuthorization = new PresenceAuthorization(p -> Optional.of(timed.getBytes(StandardCharsets.UTF_8)),
                PrivacyDefaults.DEFAULT, Permissions.ALLOW_ALL, now::get);
        Aor bob = Aor.parse("sip:bob@example.org");
        assertEquals(SubHandling.CONFIRM, timedAuthorization.decide(ALICE, bob, view().document()).subHandling());
        assertEquals(java.util.List.of(), timedAuthorization.validityChanged(now.get()));
        now.set(java.time.Instant.parse("2026-11-22T11:00:00Z"));
        assertEquals(java.util.List.of(ALICE), timedAuthorization.validityChanged(now.get()));
        assertEquals(java.util.List.of(), timedAuthorization.validityChanged(now.get()), "once");
        assertEquals(SubHandling.ALLOW, timedAuthorization.decide(ALICE, bob, view().document()).subHandling());
        now.set(java.time.Instant.parse("2026-11-22T12:00:00Z"));
        assertEquals(java.util.List.of(ALICE), timedAuthorization.validityChanged(now.get()), "and again when it ends");
        assertEquals(SubHandling.CONFIRM, timedAuthorization.decide(ALICE, bob, view().document()).subHandling());
    }

    @Test
    void theUnmatchedDefaultAppliesWhenTheDocumentNamesSomeoneElse() throws Exception {
        assertEquals(SubHandling.CONFIRM, authorization.decide(ALICE, Aor.parse("sip:stranger@example.net"), view().document())
                .subHandling());
        assertEquals(SubHandling.BLOCK, authorization.decide(ALICE, Aor.parse("sip:anonymous@anonymous.invalid"), view().document())
                .subHandling());
    }
}
