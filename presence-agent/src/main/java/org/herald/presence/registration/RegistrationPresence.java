package org.herald.presence.registration;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.herald.presence.pidf.Basic;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Tuple;
import org.herald.sip.event.EventPackage;
import org.herald.sip.event.ResourceChangeListener;
import org.herald.sip.message.Aor;
import org.herald.sip.registrar.Binding;
import org.herald.sip.registrar.Registration;

/**
 * Presence derived from registration (RFC 3680 §3.2's "composing presence", as Kamailio's
 * pua_usrloc does): a presentity that publishes nothing shows one tuple, id {@value #TUPLE_ID},
 * {@code open} with its highest-q contact while it has a live binding and {@code closed} without
 * contact when it has none. Publications always win: the presence package asks this only for
 * presentities without any ({@link #unpublished}), so a phone that publishes its own state is never
 * contradicted. Only AORs of the configured {@link DerivedDomains} are affected.
 *
 * <p>The derived state of each presentity the presence package asked about is cached and kept
 * current by the registrar's change hook ({@link #registrationChanged}), which NOTIFYs its watchers
 * when it flips (a refresh that changes nothing sends nothing). After a restart the first change of
 * an AOR also NOTIFYs, if it has no publications, since the state before it is unknown.
 */
public final class RegistrationPresence {
    public static final String TUPLE_ID = "registration";

    private record Derived(Basic basic, String contact) {}

    private final DerivedDomains domains;
    private final Function<Aor, Optional<Registration>> registrations;
    private final InstantSource clock;
    private final ConcurrentHashMap<Aor, Derived> derived = new ConcurrentHashMap<>();
    private volatile EventPackage presence;
    private volatile ResourceChangeListener changes = (pkg, resource) -> {};

    /** @param registrations the stored registration of an AOR, e.g. {@code BindingStore::find} */
    public RegistrationPresence(DerivedDomains domains, Function<Aor, Optional<Registration>> registrations,
                                InstantSource clock) {
        this.domains = domains;
        this.registrations = registrations;
        this.clock = clock;
    }

    /** Derives nothing: the presence package's documents are exactly what was published. */
    public static RegistrationPresence off() {
        return new RegistrationPresence(DerivedDomains.NONE, aor -> Optional.empty(), InstantSource.system());
    }

    /** Where to send NOTIFYs when a derived state flips: the presence package and the framework. */
    public void attach(EventPackage presence, ResourceChangeListener changes) {
        this.presence = presence;
        this.changes = changes;
    }

    /**
     * The document for a presentity with no live publication: {@code composed} (what composition made
     * of nothing) plus the derived tuple, when its domain is covered.
     */
    public PresenceDocument unpublished(Aor presentity, PresenceDocument composed) {
        if (!domains.covers(presentity)) return composed;
        Derived d = derived.computeIfAbsent(presentity,
                aor -> derive(registrations.apply(aor).orElse(Registration.empty(aor))));
        List<Tuple> tuples = new ArrayList<>(composed.tuples());
        tuples.add(Tuple.of(TUPLE_ID, d.basic(), d.contact()));
        return composed.withTuples(tuples);
    }

    /** The registrar's change hook: NOTIFYs the presentity's watchers if its derived state flipped. */
    public void registrationChanged(Registration next) {
        Aor aor = next.aor();
        EventPackage target = presence;
        if (target == null || !domains.covers(aor)) return;
        Derived now = derive(next);
        boolean[] flipped = {false};
        if (derived.computeIfPresent(aor, (k, before) -> {
            flipped[0] = !before.equals(now);
            return now;
        }) != null) {
            if (flipped[0]) changes.changed(target, aor);
            return;
        }
        // Not asked about since start: the package's view tells whether it is unpublished (it then
        // asks unpublished(), which caches), without guessing whether publications exist.
        target.view(aor);
        if (derived.containsKey(aor)) changes.changed(target, aor);
    }

    private Derived derive(Registration registration) {
        List<Binding> live = registration.active(clock.instant());
        return live.isEmpty() ? new Derived(Basic.CLOSED, null) : new Derived(Basic.OPEN, live.get(0).uri());
    }
}
