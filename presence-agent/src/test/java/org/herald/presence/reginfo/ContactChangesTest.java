package org.herald.presence.reginfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.herald.sip.message.Aor;
import org.herald.sip.registrar.Binding;
import org.herald.sip.registrar.Registration;
import org.junit.jupiter.api.Test;

/** RFC 3680's contact events from two successive states of an AOR. */
class ContactChangesTest {
    private static final Aor JOE = Aor.parse("joe@example.com");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Registration reg(Binding... bindings) {
        return new Registration(JOE, List.of(bindings));
    }

    private static List<String> events(Registration before, Registration after, Instant now) {
        return ContactChanges.between(before, after, now).stream()
                .map(c -> c.binding().uri() + " " + c.state().token() + "/" + c.event().token()).toList();
    }

    @Test
    void aNewBindingIsRegistered() {
        Binding pc = Bindings.of("sip:joe@pc34.example.com", T0, 3600, 1);
        assertEquals(List.of("sip:joe@pc34.example.com active/registered"), events(reg(), reg(pc), T0));
    }

    @Test
    void aRenewedBindingIsRefreshedAndAnUntouchedOneIsNoNews() {
        Binding pc = Bindings.of("sip:joe@pc34.example.com", T0, 3600, 1);
        Binding phone = Bindings.of("sip:joe@phone.example.com", T0, 3600, 1);
        Binding renewed = Bindings.of("sip:joe@pc34.example.com", T0.plusSeconds(1800), 3600, 2);
        assertEquals(List.of("sip:joe@pc34.example.com active/refreshed"),
                events(reg(pc, phone), reg(renewed, phone), T0.plusSeconds(1800)));
    }

    @Test
    void aBindingRemovedBeforeItsTimeIsUnregisteredAndOnePastItIsExpired() {
        Binding pc = Bindings.of("sip:joe@pc34.example.com", T0, 3600, 1);
        Binding phone = Bindings.of("sip:joe@phone.example.com", T0, 60, 1);
        assertEquals(List.of("sip:joe@pc34.example.com terminated/unregistered"),
                events(reg(pc, phone), reg(phone), T0.plusSeconds(30)));
        assertEquals(List.of("sip:joe@phone.example.com terminated/expired"),
                events(reg(pc, phone), reg(pc), T0.plusSeconds(61)));
        assertEquals(List.of("sip:joe@phone.example.com terminated/expired"),
                events(reg(pc, phone), reg(pc, phone), T0.plusSeconds(61)), "stored but past its time counts as gone");
    }

    @Test
    void theSameInstanceFromANewAddressIsTheSameContact() {
        Binding before = Bindings.withContact(Bindings.of("sip:joe@10.0.0.1", T0, 3600, 1),
                "<sip:joe@10.0.0.1>;+sip.instance=\"<urn:uuid:1>\"", 1.0f, "<urn:uuid:1>");
        Binding after = Bindings.withContact(Bindings.of("sip:joe@10.0.0.2", T0.plusSeconds(5), 3600, 2),
                "<sip:joe@10.0.0.2>;+sip.instance=\"<urn:uuid:1>\"", 1.0f, "<urn:uuid:1>");
        assertEquals(List.of("sip:joe@10.0.0.2 active/refreshed"), events(reg(before), reg(after), T0.plusSeconds(5)));
    }
}
