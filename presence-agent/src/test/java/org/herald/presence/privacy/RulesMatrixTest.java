package org.herald.presence.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.herald.presence.pidf.PidfParser;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules matrix: one presentity's rule set, one published document, and for each watcher the
 * sub-handling and exactly which parts of the document it sees (RFC 4745 conditions and combining,
 * RFC 5025 actions and transformations).
 */
class RulesMatrixTest {
    private static final Aor ALICE = Aor.parse("sip:alice@example.com");
    private static final InstantSource NOW = InstantSource.fixed(Instant.parse("2026-11-22T10:00:00Z"));

    static final String DOCUMENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
                xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" xmlns:foo="urn:vendor-specific:foo-namespace"
                entity="pres:alice@example.com">
             <tuple id="voice"><status><basic>open</basic></status><rpid:class>business</rpid:class>
              <dm:deviceID>urn:x-mac:0003ba4811e3</dm:deviceID><contact>sip:alice@192.0.2.1</contact><note>desk phone</note></tuple>
             <tuple id="mail"><status><basic>open</basic></status><contact>mailto:alice@example.com</contact></tuple>
             <tuple id="chat"><status><basic>closed</basic></status><contact>im:alice@example.com</contact></tuple>
             <dm:person id="me"><rpid:activities><rpid:meeting/></rpid:activities><rpid:mood><rpid:happy/></rpid:mood>
              <rpid:sphere><rpid:work/></rpid:sphere>
              <rpid:user-input idle-threshold="600" last-input="2026-11-22T09:00:00Z">idle</rpid:user-input>
              <foo:badge>42</foo:badge><dm:note>in the lab</dm:note></dm:person>
             <dm:device id="pc"><dm:deviceID>urn:x-mac:0003ba4811e3</dm:deviceID></dm:device>
            </presence>
            """;

    static final String RULES = """
            <cr:rule id="friends">
             <cr:conditions><cr:identity><cr:one id="sip:bob@example.org"/><cr:one id="sip:bob@example.com"/></cr:identity></cr:conditions>
             <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions>
             <cr:transformations>
              <pr:provide-services><pr:service-uri-scheme>sip</pr:service-uri-scheme></pr:provide-services>
              <pr:provide-persons><pr:all-persons/></pr:provide-persons>
              <pr:provide-activities>true</pr:provide-activities><pr:provide-mood>true</pr:provide-mood>
              <pr:provide-user-input>bare</pr:provide-user-input>
              <pr:provide-unknown-attribute ns="urn:vendor-specific:foo-namespace" name="badge">true</pr:provide-unknown-attribute>
             </cr:transformations>
            </cr:rule>
            <cr:rule id="coworkers">
             <cr:conditions><cr:identity><cr:many domain="example.com"><cr:except id="sip:boss@example.com"/></cr:many></cr:identity></cr:conditions>
             <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions>
             <cr:transformations>
              <pr:provide-services><pr:class>business</pr:class></pr:provide-services>
              <pr:provide-devices><pr:deviceID>urn:x-mac:0003ba4811e3</pr:deviceID></pr:provide-devices>
              <pr:provide-note>true</pr:provide-note><pr:provide-deviceID>true</pr:provide-deviceID>
             </cr:transformations>
            </cr:rule>
            <cr:rule id="boss">
             <cr:conditions><cr:identity><cr:one id="sip:boss@example.com"/></cr:identity></cr:conditions>
             <cr:actions><pr:sub-handling>polite-block</pr:sub-handling></cr:actions>
            </cr:rule>
            <cr:rule id="stalker">
             <cr:conditions><cr:identity><cr:one id="sip:eve@example.net"/></cr:identity></cr:conditions>
             <cr:actions><pr:sub-handling>block</pr:sub-handling></cr:actions>
            </cr:rule>
            <cr:rule id="family-at-home">
             <cr:conditions><cr:identity><cr:one id="sip:mom@example.net"/></cr:identity><cr:sphere value="home"/></cr:conditions>
             <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions>
             <cr:transformations><pr:provide-persons><pr:all-persons/></pr:provide-persons></cr:transformations>
            </cr:rule>
            <cr:rule id="last-years-contractor">
             <cr:conditions><cr:identity><cr:one id="sip:temp@example.net"/></cr:identity>
              <cr:validity><cr:from>2025-01-01T00:00:00Z</cr:from><cr:until>2025-12-31T00:00:00Z</cr:until></cr:validity></cr:conditions>
             <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions>
             <cr:transformations><pr:provide-persons><pr:all-persons/></pr:provide-persons></cr:transformations>
            </cr:rule>
            """;

    /** What each part of {@link #DOCUMENT} looks like in the written body. */
    enum Part {
        VOICE("id=\"voice\""), MAIL("id=\"mail\""), CHAT("id=\"chat\""), PERSON("id=\"me\""), DEVICE("id=\"pc\""),
        ACTIVITIES("<rpid:meeting/>"), MOOD("<rpid:happy/>"), SPHERE("<rpid:work/>"), USER_INPUT(">idle</rpid:user-input>"),
        LAST_INPUT("last-input="), IDLE_THRESHOLD("idle-threshold="), BADGE(">42<"), PERSON_NOTE("in the lab"),
        SERVICE_NOTE("desk phone"), SERVICE_DEVICE_ID("0003ba4811e3") {
            @Override
            boolean in(String body) { // in the voice tuple, not just in the device
                int start = body.indexOf("<tuple id=\"voice\"");
                return start >= 0 && body.substring(start, body.indexOf("</tuple>", start)).contains(marker);
            }
        },
        CLOSED_NEUTRAL("<tuple id=\"t0\">");

        final String marker;

        Part(String marker) {
            this.marker = marker;
        }

        boolean in(String body) {
            return body.contains(marker);
        }
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                row("sip:bob@example.org", SubHandling.ALLOW, "friends: sip services, persons with activities, mood, bare user-input, the vendor badge",
                        List.of(Part.VOICE, Part.PERSON, Part.ACTIVITIES, Part.MOOD, Part.USER_INPUT, Part.BADGE)),
                row("sip:bob@example.com", SubHandling.ALLOW, "friends and coworkers combined: the union of both",
                        List.of(Part.VOICE, Part.PERSON, Part.DEVICE, Part.ACTIVITIES, Part.MOOD, Part.USER_INPUT, Part.BADGE,
                                Part.PERSON_NOTE, Part.SERVICE_NOTE, Part.SERVICE_DEVICE_ID)),
                row("sip:carol@example.com", SubHandling.ALLOW, "coworkers: business services, the pc, notes, device ids",
                        List.of(Part.VOICE, Part.DEVICE, Part.SERVICE_NOTE, Part.SERVICE_DEVICE_ID)),
                row("sip:boss@example.com", SubHandling.POLITE_BLOCK, "excepted from coworkers, polite-blocked: the neutral document",
                        List.of(Part.CLOSED_NEUTRAL)),
                row("sip:eve@example.net", SubHandling.BLOCK, "blocked", List.of()),
                row("sip:mom@example.net", SubHandling.CONFIRM, "her rule needs the home sphere, alice is at work: the default",
                        List.of()),
                row("sip:temp@example.net", SubHandling.CONFIRM, "his rule's validity is over: the default", List.of()),
                row("sip:alice@example.com", SubHandling.ALLOW, "the presentity itself sees everything",
                        List.of(Part.VOICE, Part.MAIL, Part.CHAT, Part.PERSON, Part.DEVICE, Part.ACTIVITIES, Part.MOOD, Part.SPHERE,
                                Part.USER_INPUT, Part.LAST_INPUT, Part.IDLE_THRESHOLD, Part.BADGE, Part.PERSON_NOTE,
                                Part.SERVICE_NOTE, Part.SERVICE_DEVICE_ID)));
    }

    private static Arguments row(String watcher, SubHandling handling, String why, List<Part> visible) {
        return Arguments.of(watcher, handling, why, visible);
    }

    private static PresenceDocument document() throws Exception {
        return new PidfParser().parse(DOCUMENT.getBytes(StandardCharsets.UTF_8));
    }

    private static Decision decide(String watcher, PresenceDocument doc) throws Exception {
        return new Authorizer(PrivacyDefaults.DEFAULT, NOW).decide(ALICE, Vectors.ruleset(RULES),
                Watcher.of(Aor.parse(watcher)), PresenceFilter.currentSphere(doc, NOW.instant()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("matrix")
    void eachWatcherSeesWhatItsRulesGrant(String watcher, SubHandling handling, String why, List<Part> visible) throws Exception {
        PresenceDocument doc = document();
        Decision decision = decide(watcher, doc);
        assertEquals(handling, decision.subHandling(), why);
        String body = new String(PresenceFilter.render(doc, decision.permissions()), StandardCharsets.UTF_8);
        for (Part part : Part.values()) {
            assertEquals(visible.contains(part), part.in(body), () -> why + ": " + part + " in\n" + body);
        }
        if (handling == SubHandling.ALLOW) {
            assertEquals(new PidfParser().parse(body.getBytes(StandardCharsets.UTF_8)),
                    PresenceFilter.apply(doc, decision.permissions()), "the filtered document is valid PIDF and round-trips");
        }
    }

    @Test
    void combiningRulesNamesEveryMatchingRule() throws Exception {
        Decision d = decide("sip:bob@example.com", document());
        assertEquals(Decision.Basis.RULES, d.basis());
        assertEquals(List.of("friends", "coworkers"), d.rules());
    }

    @Test
    void politeBlockShowsTheSameDocumentWhateverIsPublished() throws Exception {
        PresenceDocument doc = document();
        byte[] now = PresenceFilter.render(doc, decide("sip:boss@example.com", doc).permissions());
        byte[] empty = PresenceFilter.render(PresenceDocument.empty(doc.entity()), Permissions.of(SubHandling.POLITE_BLOCK));
        assertEquals(new String(empty, StandardCharsets.UTF_8), new String(now, StandardCharsets.UTF_8));
    }

    @Test
    void theSphereConditionAppliesOnceThePresentityIsInThatSphere() throws Exception {
        PresenceDocument atHome = new PidfParser().parse(DOCUMENT.replace("<rpid:work/>", "<rpid:home/>").getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of("home"), PresenceFilter.currentSphere(atHome, NOW.instant()));
        Decision mom = decide("sip:mom@example.net", atHome);
        assertEquals(SubHandling.ALLOW, mom.subHandling());
        String body = new String(PresenceFilter.render(atHome, mom.permissions()), StandardCharsets.UTF_8);
        assertTrue(body.contains(Part.PERSON.marker));
        assertFalse(body.contains(Part.ACTIVITIES.marker), "persons without provide-activities show no activities");
    }

    @Test
    void anonymousWatchersGetTheAnonymousDefault() throws Exception {
        PresenceDocument doc = document();
        Decision d = new Authorizer(PrivacyDefaults.DEFAULT, NOW).decide(ALICE, Vectors.ruleset(RULES), Watcher.anonymous(),
                Optional.empty());
        assertEquals(SubHandling.BLOCK, d.subHandling());
        assertEquals(Decision.Basis.DEFAULT, d.basis());
    }
}
