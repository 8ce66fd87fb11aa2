package org.herald.sip.registrar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.herald.sip.message.Aor;

/** The bindings aggregate: one {@link Registration} per AOR, each written as a whole. */
public interface BindingStore {

    Optional<Registration> find(Aor aor);

    /** Replaces the AOR's bindings durably; an empty registration removes the AOR. */
    void save(Registration registration);

    /** Registrations with at least one binding expired at {@code now}. */
    List<Registration> withExpiredBindings(Instant now, int limit);

    /** Registrations with a binding on the given flow id. */
    List<Registration> onFlow(String flowId);

    /** Registrations with a binding for this contact URI. */
    List<Registration> withContact(String contactUri);

    long countBindings();

    /** Registrations with bindings, at most {@code limit} (0: all), for the admin API. */
    List<Registration> list(int limit);
}
