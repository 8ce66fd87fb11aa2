package org.herald.presence.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.herald.presence.PresencePackage;
import org.herald.presence.PresenceView;
import org.herald.presence.Publications;
import org.herald.presence.compose.NewestPerTupleComposer;
import org.herald.presence.pidf.Basic;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Tuple;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Transport;
import org.herald.sip.registrar.Binding;
import org.herald.sip.registrar.Registration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registration-derived presence through the presence package, as watchers would see it. */
class RegistrationPresenceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Aor BOB = Aor.parse("bob@example.com");
    private static final Aor EVE = Aor.parse("eve@elsewhere.org");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = () -> now.get();
    private final Map<Aor, Registration> stored = new HashMap<>();
    private final List<Aor> notified = new ArrayList<>();
    private final PresencePackage presence = new PresencePackage(new NewestPerTupleComposer(), 4096);

    @BeforeEach
    void wire() {
        RegistrationPresence derived = new RegistrationPresence(DerivedDomains.of(List.of("Example.com")),
                aor -> Optional.ofNullable(stored.get(aor)), clock);
        presence.deriveFromRegistrations(derived);
        derived.attach(presence, (pkg, resource) -> {
            assertSame(presence, pkg);
            notified.add(resource);
        });
        this.derived = derived;
    }

    private RegistrationPresence derived;

    private static Binding binding(String uri, float q, long seconds) {
        return new Binding("<" + uri + ">", uri, q, null, 0, "c-" + uri, 1, T0.plusSeconds(seconds),
                new Flow(Transport.UDP, "10.0.0.1", 5060), T0, null);
    }

    /** What the registrar does: store, then call the hook. */
    private void register(Aor aor, Binding... bindings) {
        Registration r = new Registration(aor, List.of(bindings));
        stored.put(aor, r);
        derived.registrationChanged(r);
    }

    private List<Tuple> tuples(Aor aor) {
        return ((PresenceView) presence.view(aor)).document().tuples();
    }

    @Test
    void anUnpublishedPresentityIsOpenWhileRegisteredAndClosedOtherwise() {
        Tuple closed = tuples(BOB).get(0);
        assertEquals(RegistrationPresence.TUPLE_ID, closed.id());
        assertEquals(Basic.CLOSED, closed.status().basic());
        assertNull(closed.contact());

        register(BOB, binding("sip:bob@desk", 0.5f, 3600), binding("sip:bob@mobile", 0.9f, 3600));
        assertEquals(List.of(BOB), notified, "its watchers are told");
        Tuple open = tuples(BOB).get(0);
        assertEquals(Basic.OPEN, open.status().basic());
        assertEquals("sip:bob@mobile", open.contact().uri(), "the highest q");

        register(BOB);
        assertEquals(List.of(BOB, BOB), notified);
        assertEquals(Basic.CLOSED, tuples(BOB).get(0).status().basic());
    }

    @Test
    void aRefreshThatChangesNothingSendsNothing() {
        tuples(BOB);
        register(BOB, binding("sip:bob@desk", 1f, 3600));
        register(BOB, binding("sip:bob@desk", 1f, 7200));
        assertEquals(List.of(BOB), notified);
    }

    @Test
    void publicationsWinAndTheirWatchersAreNotDisturbed() {
        presence.changed(BOB, List.of(Publications.published(BOB, 1,
                Publications.pidf("pres:bob@example.com", Publications.tuple("t1", "closed", "sip:bob@desk")))));
        register(BOB, binding("sip:bob@desk", 1f, 3600));
        assertTrue(notified.isEmpty(), "a presentity that publishes is not notified for its registrations");
        assertEquals(List.of("t1"), tuples(BOB).stream().map(Tuple::id).toList());

        presence.changed(BOB, List.of()); // its publication is gone: registration shows again
        assertEquals(Basic.OPEN, tuples(BOB).get(0).status().basic());
    }

    @Test
    void theFirstChangeAfterAStartNotifiesAnUnpublishedPresentity() {
        register(BOB, binding("sip:bob@desk", 1f, 3600)); // never viewed since this process started
        assertEquals(List.of(BOB), notified);
        assertEquals(Basic.OPEN, tuples(BOB).get(0).status().basic());
    }

    @Test
    void onlyTheConfiguredDomains() {
        assertTrue(tuples(EVE).isEmpty());
        register(EVE, binding("sip:eve@pc", 1f, 3600));
        assertTrue(notified.isEmpty());
        assertTrue(tuples(EVE).isEmpty());
    }

    @Test
    void domainsFromTheConfiguration() {
        assertTrue(DerivedDomains.of(List.of()).isOff());
        assertFalse(DerivedDomains.of(List.of()).covers(BOB));
        assertTrue(DerivedDomains.of(List.of("*")).covers(EVE));
        assertTrue(DerivedDomains.of(List.of(" EXAMPLE.COM ")).covers(BOB));
        assertFalse(DerivedDomains.of(List.of("example.com")).covers(EVE));
    }

    @Test
    void offLeavesDocumentsAlone() {
        PresenceDocument empty = PresenceDocument.empty("sip:bob@example.com");
        assertSame(empty, RegistrationPresence.off().unpublished(BOB, empty));
        assertTrue(((PresenceView) new PresencePackage().view(BOB)).document().tuples().isEmpty());
    }
}
