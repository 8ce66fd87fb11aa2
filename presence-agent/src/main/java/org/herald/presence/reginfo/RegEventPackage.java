package org.herald.presence.reginfo;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.herald.presence.delta.Deltas;
import org.herald.sip.event.EventPackage;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.event.ResourceChangeListener;
import org.herald.sip.event.ResourceView;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionEvent;
import org.herald.sip.event.SubscriptionListener;
import org.herald.sip.event.SubscriptionService;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.message.Aor;
import org.herald.sip.message.MediaType;
import org.herald.sip.registrar.Registration;

/**
 * The {@code reg} event package (RFC 3680): an AOR's registrations as reginfo documents, fed by the
 * registrar's change hook ({@link #registrationChanged}).
 *
 * <p>State is kept only for AORs that have subscribers: the first NOTIFY to a subscriber reads the
 * stored registration, and from then on each change the registrar reports is compared with the
 * previous one ({@link ContactChanges}) to name each contact's event. Changes to AORs nobody
 * subscribes to cost a map lookup.
 *
 * <p><b>Full and partial state, versions.</b> As for watcher-info: full state on a subscriber's first
 * NOTIFY, after a NOTIFY it did not accept and after a restart; otherwise partial state with every
 * contact that changed since its previous NOTIFY, terminated ones included. The version is the
 * NOTIFY's CSeq minus one: 0, 1, 2... within a run, jumping after a restart with full state (RFC 3680's
 * example flow has versions 0 and 1 in NOTIFYs with CSeqs 1288 and 1289, the same one-to-one step).
 *
 * <p><b>Authorization.</b> Only the AOR's own user ({@link RegistrationAccess#ownerOnly()}); others
 * get 403. The default subscription lasts 3761 seconds, RFC 3680's value.
 */
public final class RegEventPackage implements EventPackage, SubscriptionListener {
    public static final String NAME = "reg";
    public static final int DEFAULT_EXPIRES = 3761;
    private static final MediaType TYPE = MediaType.of(RegInfo.CONTENT_TYPE);

    private record RegView(Aor aor) implements ResourceView {}

    private final Function<Aor, Optional<Registration>> registrations;
    private final InstantSource clock;
    private final RegistrationAccess access;
    private final ConcurrentHashMap<Aor, AorRegistrations> byAor = new ConcurrentHashMap<>();
    private volatile ResourceChangeListener changes = (pkg, resource) -> {};
    private volatile Function<String, Optional<Subscription>> live = id -> Optional.empty();

    /** @param registrations the stored registration of an AOR, e.g. {@code BindingStore::find} */
    public RegEventPackage(Function<Aor, Optional<Registration>> registrations, InstantSource clock) {
        this(registrations, clock, RegistrationAccess.ownerOnly());
    }

    public RegEventPackage(Function<Aor, Optional<Registration>> registrations, InstantSource clock,
                           RegistrationAccess access) {
        this.registrations = registrations;
        this.clock = clock;
        this.access = access;
    }

    /** Starts notifying through the framework: call once, before REGISTERs arrive. */
    public void attach(SubscriptionService subscriptions) {
        attach(subscriptions, subscriptions::find);
        subscriptions.addListener(this);
    }

    public void attach(ResourceChangeListener changes, Function<String, Optional<Subscription>> live) {
        this.changes = changes;
        this.live = live;
    }

    /** The registrar's change hook: called after each stored change of an AOR's bindings. */
    public void registrationChanged(Registration next) {
        Instant now = clock.instant();
        if (Boolean.TRUE.equals(with(next.aor(), false, state -> state.update(next, now)))) {
            changes.changed(this, next.aor());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<MediaType> notifyTypes() {
        return List.of(TYPE);
    }

    @Override
    public int defaultExpires() {
        return DEFAULT_EXPIRES;
    }

    @Override
    public SubscriptionState authorize(Aor watcher, Aor resource) {
        return access.authorize(watcher, resource);
    }

    @Override
    public ResourceView view(Aor resource) {
        return new RegView(resource);
    }

    @Override
    public NotifyBody render(ResourceView view, Subscription subscription) {
        Aor aor = subscription.resource();
        Instant now = clock.instant();
        boolean keep = live.apply(subscription.id()).isPresent(); // not a fetch, not a final NOTIFY
        AtomicReference<RegistrationElement> element = new AtomicReference<>();
        AtomicReference<Boolean> full = new AtomicReference<>(true);
        with(aor, keep, state -> {
            Deltas.Next<ContactReport> next = state.next(subscription.id(), keep);
            full.set(next instanceof Deltas.Next.Full);
            element.set(next instanceof Deltas.Next.Partial<ContactReport> p
                    ? registration(aor, partialState(state, p.changed()), p.changed(), now)
                    : registration(aor, fullState(state), state.contacts(), now));
            return null;
        });
        if (element.get() == null) { // no subscriber state kept: a fetch or a last NOTIFY
            AorRegistrations once = new AorRegistrations(stored(aor), now);
            element.set(registration(aor, fullState(once), once.contacts(), now));
        }
        RegInfo info = new RegInfo(Math.max(0, subscription.dialog().localCseq() - 1), full.get(), List.of(element.get()));
        return new NotifyBody(RegInfo.CONTENT_TYPE, RegInfoWriter.write(info));
    }

    /** A NOTIFY the subscriber did not take: it gets full state next. */
    @Override
    public void notified(Subscription subscription, boolean accepted) {
        if (!accepted) forget(subscription);
    }

    /** Drops what an ended subscriber had not been told, and the AOR's state with its last subscriber. */
    @Override
    public void on(SubscriptionEvent event) {
        if (event instanceof SubscriptionEvent.Ended && NAME.equals(event.subscription().event())) {
            forget(event.subscription());
        }
    }

    private void forget(Subscription subscriber) {
        with(subscriber.resource(), false, state -> {
            state.forget(subscriber.id());
            return null;
        });
    }

    private static RegistrationState fullState(AorRegistrations state) {
        return state.hasContacts() ? RegistrationState.ACTIVE : RegistrationState.INIT;
    }

    /** Terminated in the document that reports the last contact gone, else as in full state. */
    private static RegistrationState partialState(AorRegistrations state, List<ContactReport> changed) {
        if (state.hasContacts()) return RegistrationState.ACTIVE;
        return changed.isEmpty() ? RegistrationState.INIT : RegistrationState.TERMINATED;
    }

    private static RegistrationElement registration(Aor aor, RegistrationState state, List<ContactReport> reports, Instant now) {
        List<ContactElement> contacts = new ArrayList<>(reports.size());
        for (ContactReport r : reports) {
            if (r.state() == ContactState.ACTIVE && !r.binding().activeAt(now)) {
                continue; // expired a moment ago: the registrar's sweep reports it shortly
            }
            contacts.add(r.element(aor, now));
        }
        return new RegistrationElement(aor.uri(), ContactReport.idOf(aor), state, contacts);
    }

    private Registration stored(Aor aor) {
        return registrations.apply(aor).orElse(Registration.empty(aor));
    }

    /**
     * Runs {@code action} on the AOR's state with every other action on it kept out; creates the state
     * from the stored registration when asked, and drops it once no subscriber is left.
     */
    private <T> T with(Aor aor, boolean create, Function<AorRegistrations, T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        byAor.compute(aor, (key, state) -> {
            if (state == null) {
                if (!create) return null;
                state = new AorRegistrations(stored(key), clock.instant());
            }
            result.set(action.apply(state));
            return state.isEmpty() ? null : state;
        });
        return result.get();
    }
}
