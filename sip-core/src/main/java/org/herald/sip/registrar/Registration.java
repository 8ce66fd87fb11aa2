package org.herald.sip.registrar;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.herald.sip.message.Aor;

/** Every binding of one address-of-record: the unit the registrar reads and writes atomically. */
public record Registration(Aor aor, List<Binding> bindings) {

    public Registration {
        bindings = List.copyOf(bindings);
    }

    public static Registration empty(Aor aor) {
        return new Registration(aor, List.of());
    }

    public Registration withBindings(List<Binding> next) {
        return new Registration(aor, next);
    }

    /** Bindings still valid at {@code now}, highest q first. */
    public List<Binding> active(Instant now) {
        return bindings.stream().filter(b -> b.activeAt(now))
                .sorted(Comparator.comparingDouble((Binding b) -> b.q()).reversed()).toList();
    }

    public Optional<Instant> nextExpiry() {
        return bindings.stream().map(Binding::expiresAt).min(Comparator.naturalOrder());
    }

    public boolean isEmpty() {
        return bindings.isEmpty();
    }
}
