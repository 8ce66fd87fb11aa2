package org.herald.sip.registrar;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Consumer;
import org.herald.sip.Handling;
import org.herald.sip.StripedLocks;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;
import org.herald.sip.message.SipRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar's I/O shell: serializes REGISTERs per AOR, stores bindings durably before the 200,
 * and drops bindings that expired or whose connection closed.
 */
public final class RegistrarService {
    private static final Logger log = LoggerFactory.getLogger(RegistrarService.class);

    private final Registrar registrar;
    private final RegistrarPolicy policy;
    private final BindingStore store;
    private final InstantSource clock;
    private final Consumer<Registration> onChange;
    private final StripedLocks locks = new StripedLocks(256);

    /** @param onChange told of every stored change (later: the reg event package) */
    public RegistrarService(RegistrarPolicy policy, BindingStore store, InstantSource clock, Consumer<Registration> onChange) {
        this.registrar = new Registrar(policy);
        this.policy = policy;
        this.store = store;
        this.clock = clock;
        this.onChange = onChange;
    }

    public Handling register(SipRequest request, Aor aor) {
        return locks.withLock(aor, () -> {
            Registration current = store.find(aor).orElse(Registration.empty(aor));
            Registrar.Outcome outcome = registrar.register(request, current, clock.instant());
            if (outcome.changed() != null) {
                store.save(outcome.changed());
                onChange.accept(outcome.changed());
            }
            return Handling.reply(outcome.response());
        });
    }

    /** Active bindings of an AOR, highest q first. */
    public List<Binding> lookup(Aor aor) {
        return store.find(aor).map(r -> r.active(clock.instant())).orElse(List.of());
    }

    /** The flow a contact URI registered from, to reach it inside a dialog. */
    public java.util.Optional<Flow> flowOf(String contactUri) {
        Instant now = clock.instant();
        return store.withContact(contactUri).stream().flatMap(r -> r.active(now).stream())
                .filter(b -> b.uri().equals(contactUri) && b.flow() != null).map(Binding::flow).findFirst();
    }

    /** Removes bindings that were registered over a connection that just closed. */
    public void flowClosed(Flow flow) {
        if (!policy.dropOnFlowClose() || !flow.transport().reliable()) return;
        for (Registration r : store.onFlow(flow.id())) {
            prune(r.aor(), b -> flow.equals(b.flow()));
        }
    }

    /** Removes bindings of the AOR (all of them with {@code contactUri} null), as an operator would. */
    public void unregister(Aor aor, String contactUri) {
        prune(aor, b -> contactUri == null || b.uri().equals(contactUri));
    }

    /** Live registrations, for the admin API. */
    public List<Registration> list(int limit) {
        Instant now = clock.instant();
        return store.list(limit).stream().map(r -> r.withBindings(r.active(now))).filter(r -> !r.bindings().isEmpty()).toList();
    }

    /** Removes expired bindings; returns how many AORs changed. */
    public int expire() {
        Instant now = clock.instant();
        List<Registration> due = store.withExpiredBindings(now, 1000);
        for (Registration r : due) prune(r.aor(), b -> !b.activeAt(clock.instant()));
        return due.size();
    }

    private void prune(Aor aor, java.util.function.Predicate<Binding> drop) {
        locks.withLock(aor, () -> {
            Registration current = store.find(aor).orElse(null);
            if (current == null) return;
            List<Binding> kept = current.bindings().stream().filter(b -> !drop.test(b)).toList();
            if (kept.size() == current.bindings().size()) return;
            Registration next = current.withBindings(kept);
            store.save(next);
            log.debug("dropped {} binding(s) of {}", current.bindings().size() - kept.size(), aor);
            onChange.accept(next);
        });
    }
}
