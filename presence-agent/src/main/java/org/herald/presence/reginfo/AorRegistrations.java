package org.herald.presence.reginfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herald.presence.delta.Deltas;
import org.herald.sip.message.Aor;
import org.herald.sip.registrar.Binding;
import org.herald.sip.registrar.Registration;

/**
 * The reg state of one AOR that has subscribers: its active contacts as last reported, and what each
 * subscriber has not been told. Exists only while the AOR has subscribers. Not thread-safe:
 * {@link RegEventPackage} serializes access per AOR.
 */
final class AorRegistrations {
    private final Aor aor;
    private final Map<String, ContactReport> active = new LinkedHashMap<>(); // by contact id
    private final Deltas<ContactReport> deltas = new Deltas<>();

    /** Starts from the stored registration: its contacts are known, not news. */
    AorRegistrations(Registration stored, Instant now) {
        this.aor = stored.aor();
        for (Binding b : stored.active(now)) {
            active.put(ContactReport.idOf(aor, b),
                    new ContactReport(b, ContactState.ACTIVE, ContactEvent.REGISTERED, b.registeredAt(), b.registeredAt()));
        }
    }

    /** The registrar stored a new state of the AOR; true if a subscriber could see a difference. */
    boolean update(Registration next, Instant now) {
        Registration before = new Registration(aor, active.values().stream().map(ContactReport::binding).toList());
        List<ContactChanges.Change> changes = ContactChanges.between(before, next, now);
        for (ContactChanges.Change c : changes) {
            String id = ContactReport.idOf(aor, c.binding());
            ContactReport known = active.get(id);
            Instant first = known != null ? known.firstRegistered() : c.binding().registeredAt();
            ContactReport report = new ContactReport(c.binding(), c.state(), c.event(), first, now);
            if (c.state() == ContactState.ACTIVE) {
                active.put(id, report);
            } else {
                active.remove(id);
            }
            deltas.changed(id, report);
        }
        return !changes.isEmpty();
    }

    Deltas.Next<ContactReport> next(String subscriber, boolean keep) {
        return deltas.take(subscriber, keep);
    }

    /** The active contacts, the full state. */
    List<ContactReport> contacts() {
        return new ArrayList<>(active.values());
    }

    boolean hasContacts() {
        return !active.isEmpty();
    }

    void forget(String subscriber) {
        deltas.forget(subscriber);
    }

    /** Nobody to tell anything: the state can go. */
    boolean isEmpty() {
        return deltas.isEmpty();
    }
}
