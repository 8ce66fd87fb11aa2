package org.herald.presence.reginfo;

import static org.herald.presence.Subscriptions.T0;
import static org.herald.presence.Subscriptions.atCseq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.herald.presence.Subscriptions;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionEvent;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.event.TerminationReason;
import org.herald.sip.message.Aor;
import org.herald.sip.message.MediaType;
import org.herald.sip.registrar.Binding;
import org.herald.sip.registrar.Registration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reg package fed by the registrar's changes, with the store and time in the test's hands. */
class RegEventPackageTest {
    private static final Aor JOE = Aor.parse("joe@example.com");
    private static final Aor APP = Aor.parse("app@example.com");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = () -> now.get();
    private final Map<Aor, Registration> stored = new HashMap<>();
    private final Map<String, Subscription> live = new HashMap<>();
    private final List<Aor> notified = new ArrayList<>();
    private RegEventPackage reg;
    private Subscription joesReg;

    @BeforeEach
    void start() {
        reg = newPackage();
        joesReg = Subscriptions.of("r1", "reg", JOE, JOE, SubscriptionState.ACTIVE, 0);
        live.put(joesReg.id(), joesReg);
    }

    private RegEventPackage newPackage() {
        RegEventPackage p = new RegEventPackage(aor -> Optional.ofNullable(stored.get(aor)), clock);
        p.attach((pkg, resource) -> notified.add(resource), id -> Optional.ofNullable(live.get(id)));
        return p;
    }

    /** What the registrar does: store, then tell the package. */
    private void store(Binding... bindings) {
        Registration r = new Registration(JOE, List.of(bindings));
        stored.put(JOE, r);
        reg.registrationChanged(r);
    }

    private RegistrationElement notify(long cseq, boolean full) throws Exception {
        NotifyBody body = reg.render(reg.view(JOE), atCseq(joesReg, cseq));
        assertEquals("application/reginfo+xml", body.contentType());
        RegInfo info = RegInfoReader.read(body.content());
        assertEquals(cseq - 1, info.version());
        assertEquals(full, info.full(), () -> "state of version " + info.version());
        assertEquals(1, info.registrations().size());
        RegistrationElement r = info.registrations().get(0);
        assertEquals("sip:joe@example.com", r.aor());
        assertEquals(ContactReport.idOf(JOE), r.id());
        return r;
    }

    @Test
    void describesItselfToTheFramework() {
        assertEquals("reg", reg.name());
        assertEquals(List.of(MediaType.of("application/reginfo+xml")), reg.notifyTypes());
        assertEquals(3761, reg.defaultExpires());
        assertEquals(SubscriptionState.ACTIVE, reg.authorize(JOE, JOE));
        assertEquals(SubscriptionState.TERMINATED, reg.authorize(APP, JOE));
        RegEventPackage withApp = new RegEventPackage(aor -> Optional.empty(), clock, RegistrationAccess.ownerOnly()
                .or((s, aor) -> s.equals(APP) ? SubscriptionState.ACTIVE : SubscriptionState.TERMINATED));
        assertEquals(SubscriptionState.ACTIVE, withApp.authorize(APP, JOE));
    }

    @Test
    void followsJoeFromInitThroughRegisteredRefreshedAndUnregistered() throws Exception {
        RegistrationElement initial = notify(1, true);
        assertEquals(RegistrationState.INIT, initial.state());
        assertTrue(initial.contacts().isEmpty());

        Binding pc = Bindings.of("sip:joe@pc34.example.com", T0, 3600, 9976);
        store(pc);
        assertEquals(List.of(JOE), notified);
        RegistrationElement registered = notify(2, false);
        assertEquals(RegistrationState.ACTIVE, registered.state());
        ContactElement c = registered.contacts().get(0);
        assertEquals(ContactState.ACTIVE, c.state());
        assertEquals(ContactEvent.REGISTERED, c.event());
        assertEquals(0L, c.durationRegistered());
        assertEquals(3600L, c.expires());
        assertEquals("1.0", c.q());
        assertEquals("call-sip:joe@pc34.example.com", c.callId());
        assertEquals(9976L, c.cseq());
        assertEquals("sip:joe@pc34.example.com", c.uri());

        now.set(T0.plusSeconds(1800));
        store(Bindings.of("sip:joe@pc34.example.com", now.get(), 3600, 9977));
        ContactElement refreshed = notify(3, false).contacts().get(0);
        assertEquals(ContactEvent.REFRESHED, refreshed.event());
        assertEquals(c.id(), refreshed.id());
        assertEquals(1800L, refreshed.durationRegistered(), "counted from the first REGISTER");
        assertEquals(3600L, refreshed.expires());

        now.set(T0.plusSeconds(1900));
        store();
        RegistrationElement gone = notify(4, false);
        assertEquals(RegistrationState.TERMINATED, gone.state(), "the last contact went");
        assertEquals(ContactState.TERMINATED, gone.contacts().get(0).state());
        assertEquals(ContactEvent.UNREGISTERED, gone.contacts().get(0).event());
        assertNull(gone.contacts().get(0).expires());

        RegistrationElement quiet = notify(5, false);
        assertEquals(RegistrationState.INIT, quiet.state(), "back to init once reported");
        assertTrue(quiet.contacts().isEmpty());
    }

    @Test
    void anExpiredContactIsReportedAsExpired() throws Exception {
        store(Bindings.of("sip:joe@pc34.example.com", T0, 60, 1));
        notify(1, true);
        now.set(T0.plusSeconds(61));
        store(); // the registrar's sweep
        ContactElement expired = notify(2, false).contacts().get(0);
        assertEquals(ContactEvent.EXPIRED, expired.event());
        assertEquals(60L, expired.durationRegistered());
    }

    @Test
    void fullStateAfterANotifyNotTakenAndAfterARestart() throws Exception {
        store(Bindings.of("sip:joe@pc34.example.com", T0, 3600, 1));
        assertEquals(1, notify(1, true).contacts().size());
        store(Bindings.of("sip:joe@pc34.example.com", T0, 3600, 1), Bindings.of("sip:joe@phone.example.com", T0, 3600, 1));
        assertEquals(1, notify(2, false).contacts().size());
        reg.notified(atCseq(joesReg, 2), false);
        RegistrationElement full = notify(3, true);
        assertEquals(2, full.contacts().size());
        assertEquals(List.of(ContactEvent.REGISTERED, ContactEvent.REGISTERED), full.contacts().stream().map(ContactElement::event).toList());

        reg = newPackage();
        assertEquals(2, notify(1003, true).contacts().size(), "a restarted package reads the stored registration");
    }

    @Test
    void aorsWithoutSubscribersCostNothing() throws Exception {
        store(Bindings.of("sip:joe@pc34.example.com", T0, 3600, 1));
        assertTrue(notified.isEmpty(), "no subscriber has been sent anything yet");
        Subscription fetch = Subscriptions.of("r-fetch", "reg", JOE, JOE, SubscriptionState.ACTIVE, 0);
        RegInfo once = RegInfoReader.read(reg.render(reg.view(JOE), atCseq(fetch, 1)).content());
        assertTrue(once.full());
        assertEquals(1, once.registrations().get(0).contacts().size());
        store();
        assertTrue(notified.isEmpty(), "a fetch keeps nothing to compare with");

        notify(1, true);
        live.remove(joesReg.id());
        reg.on(new SubscriptionEvent.Ended(joesReg, TerminationReason.TIMEOUT));
        store(Bindings.of("sip:joe@pc34.example.com", T0, 3600, 2));
        assertTrue(notified.isEmpty(), "the last subscriber ended: the AOR is forgotten");
    }

    @Test
    void showsTheDisplayNameAndTheContactParametersItHasNoAttributeFor() throws Exception {
        Binding b = Bindings.withContact(Bindings.of("sip:joe@pc34.example.com", T0, 3600, 1),
                "\"Joe \\\"the\\\" User\" <sip:joe@pc34.example.com;transport=tcp>;+sip.instance=\"<urn:uuid:1;x>\";reg-id=1;"
                        + "q=0.5;methods=\"INVITE, MESSAGE\";audio", 0.5f, "<urn:uuid:1;x>");
        stored.put(JOE, new Registration(JOE, List.of(b)));
        ContactElement c = notify(1, true).contacts().get(0);
        assertEquals("Joe \"the\" User", c.displayName());
        assertEquals("0.5", c.q());
        assertEquals(List.of(new UnknownParam("+sip.instance", "\"<urn:uuid:1;x>\""), new UnknownParam("reg-id", "1"),
                new UnknownParam("methods", "\"INVITE, MESSAGE\""), new UnknownParam("audio", "")), c.unknownParams());
    }

    @Test
    void bindingsPastTheirTimeAreLeftOutOfFullState() throws Exception {
        store(Bindings.of("sip:joe@pc34.example.com", T0, 60, 1), Bindings.of("sip:joe@phone.example.com", T0, 3600, 1));
        now.set(T0.plusSeconds(61)); // before the registrar's sweep removed it
        RegistrationElement full = notify(1, true);
        assertEquals(List.of("sip:joe@phone.example.com"), full.contacts().stream().map(ContactElement::uri).toList());
        assertFalse(full.contacts().isEmpty());
    }
}
