package org.herald.presence;

import static org.herald.presence.Publications.ALICE;
import static org.herald.presence.Publications.pidf;
import static org.herald.presence.Publications.published;
import static org.herald.presence.Publications.tuple;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.herald.presence.compose.Composers;
import org.herald.presence.compose.CompositionPolicy;
import org.herald.presence.compose.Freshness;
import org.herald.presence.compose.NewestPerTupleComposer;
import org.herald.presence.compose.PolicyStore;
import org.herald.presence.compose.PublicationSource;
import org.herald.presence.compose.PresenceState;
import org.herald.presence.pidf.Basic;
import org.herald.presence.pidf.PidfParser;
import org.herald.presence.pidf.PidfWriter;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.sip.event.InvalidBodyException;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.event.PublicationHandler;
import org.herald.sip.event.ResourceView;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.message.Aor;
import org.herald.sip.message.MediaType;
import org.junit.jupiter.api.Test;

class PresencePackageTest {
    private static final MediaType PIDF = MediaType.of("application/pidf+xml");
    private final PresencePackage presence = new PresencePackage(new NewestPerTupleComposer(), 4096);

    @Test
    void describesItselfToTheFrameworks() {
        assertEquals("presence", presence.name());
        assertEquals(List.of(PIDF, MediaType.of("application/pidf-diff+xml")), presence.notifyTypes());
        assertEquals(3600, presence.defaultExpires());
        PublicationHandler handler = presence.publications().orElseThrow();
        assertEquals(List.of(PIDF, MediaType.of("application/pidf-diff+xml")), handler.types());
    }

    @Test
    void parsesAPublishBodyIntoItsDocument() throws Exception {
        String xml = pidf(tuple("t1", "open", "sip:alice@192.0.2.1"));
        PresenceState state = assertInstanceOf(PresenceState.class,
                presence.publications().orElseThrow().parse(PIDF, xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Basic.OPEN, state.document().tuples().get(0).status().basic());
    }

    @Test
    void refusesOtherTypesAndBodiesPastTheLimit() {
        PublicationHandler handler = presence.publications().orElseThrow();
        byte[] ok = pidf(tuple("t1", "open", "sip:a@b")).getBytes(StandardCharsets.UTF_8);
        assertThrows(InvalidBodyException.class, () -> handler.parse(MediaType.of("application/xpidf+xml"), ok));
        byte[] big = pidf("<note>" + "x".repeat(5000) + "</note>").getBytes(StandardCharsets.UTF_8);
        InvalidBodyException e = assertThrows(InvalidBodyException.class, () -> handler.parse(PIDF, big));
        assertTrue(e.getMessage().endsWith("exceeds the limit of 4096"), e.getMessage());
    }

    @Test
    void rendersTheComposedBytesOnceForEveryWatcher() throws Exception {
        presence.changed(ALICE, List.of(
                published(1, pidf(tuple("desk", "open", "sip:alice@desk.example.com"))),
                published(2, pidf(tuple("desk", "closed", "sip:alice@desk.example.com")
                        + tuple("mobile", "open", "sip:alice@mobile.example.com")))));

        ResourceView view = presence.view(ALICE);
        NotifyBody forBob = presence.render(view, subscription("bob"));
        NotifyBody forCarol = presence.render(presence.view(ALICE), subscription("carol"));

        assertEquals("application/pidf+xml", forBob.contentType());
        assertSame(forBob.content(), forCarol.content(), "one serialization shared by all watchers");
        PresenceDocument sent = new PidfParser().parse(forBob.content());
        assertEquals(List.of(Basic.CLOSED, Basic.OPEN), sent.tuples().stream().map(t -> t.status().basic()).toList());
        assertArrayEquals(PidfWriter.write(((PresenceView) view).document()), forBob.content());
    }

    @Test
    void aChangeReplacesTheViewAndNothingLiveForgetsIt() {
        presence.changed(ALICE, List.of(published(1, pidf(tuple("t", "open", "sip:a@b")))));
        byte[] before = presence.render(presence.view(ALICE), subscription("bob")).content();
        presence.changed(ALICE, List.of(published(2, pidf(tuple("t", "closed", "sip:a@b")))));
        byte[] after = presence.render(presence.view(ALICE), subscription("bob")).content();
        assertNotEquals(new String(before, StandardCharsets.UTF_8), new String(after, StandardCharsets.UTF_8));

        presence.changed(ALICE, List.of());
        PresenceView empty = assertInstanceOf(PresenceView.class, presence.view(ALICE));
        assertEquals(PresenceDocument.empty("sip:alice@example.com"), empty.document());
    }

    @Test
    void reportsWhetherTheComposedStateChanged() {
        assertTrue(presence.changed(ALICE, List.of(published(1, pidf(tuple("t", "open", "sip:a@b"))))));
        assertFalse(presence.changed(ALICE, List.of(published(2, pidf(tuple("t", "open", "sip:a@b"))))),
                "republishing the same document changes nothing a watcher sees");
        assertTrue(presence.changed(ALICE, List.of(published(3, pidf(tuple("t", "closed", "sip:a@b"))))));
        assertTrue(presence.changed(ALICE, List.of()));
        assertFalse(presence.changed(ALICE, List.of()));
    }

    @Test
    void anUnknownPresentityIsAnEmptyDocumentWithItsEntity() throws Exception {
        Aor dave = Aor.parse("sip:dave@example.org");
        NotifyBody body = presence.render(presence.view(dave), subscription("bob"));
        assertEquals("application/pidf+xml", body.contentType());
        assertEquals(PresenceDocument.empty("sip:dave@example.org"), new PidfParser().parse(body.content()));
    }

    @Test
    void eachPresentityComposesWithItsOwnPolicy() {
        PolicyStore store = PolicyStore.inMemory();
        store.save(ALICE, new CompositionPolicy.Overriding());
        Composers composers = new Composers(store, CompositionPolicy.UNION,
                Freshness.at(InstantSource.fixed(Instant.parse("2025-01-01T00:10:00Z"))), PublicationSource.DOCUMENT);
        PresencePackage perPresentity = new PresencePackage(composers, 4096);
        Aor bob = Aor.parse("sip:bob@example.com");
        for (Aor presentity : List.of(ALICE, bob)) {
            perPresentity.changed(presentity, List.of(published(presentity, 1, pidf("<dm:person id=\"desk\"/>")),
                    published(presentity, 2, pidf("<dm:person id=\"phone\"/>"))));
        }
        assertEquals(1, ((PresenceView) perPresentity.view(ALICE)).document().persons().size());
        assertEquals(2, ((PresenceView) perPresentity.view(bob)).document().persons().size());
    }

    private static Subscription subscription(String watcher) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        return new Subscription("sub-" + watcher, "presence", "", ALICE, Aor.parse("sip:" + watcher + "@example.com"),
                null, SubscriptionState.ACTIVE, now.plusSeconds(3600), List.of(), null, 0, now);
    }
}
