package org.herald.presence.winfo;

import java.time.Duration;
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

/**
 * The {@code presence.winfo} package: RFC 3857's watcher-info template applied to presence, with
 * RFC 3858 documents. It learns about watchers by listening to the framework's subscription events
 * (see {@link WatcherLifecycle} for how they map onto RFC 3857's states) and asks the framework to
 * NOTIFY the presentity's winfo subscribers whenever one of its watchers changes.
 *
 * <p><b>Full and partial state.</b> A winfo subscriber's first document is full state, and so is the
 * next one after a NOTIFY it did not accept and the first one after a restart (this package keeps
 * nothing durable: after a restart it rebuilds its watchers from the stored subscriptions, all with
 * event {@code subscribe}, and forgets waiting watchers). Otherwise each document is partial and lists
 * every watcher that changed since the previous one to that subscriber, including those that ended.
 *
 * <p><b>Versions.</b> A document's version is its NOTIFY's CSeq minus one. The framework numbers
 * NOTIFYs in a dialog 1, 2, 3... so versions count 0, 1, 2... by one per NOTIFY, as RFC 3858 §4
 * requires; after a restart the framework's CSeqs jump past a reserved block, and so do the versions,
 * which RFC 3858 allows because that document is full state.
 *
 * <p><b>Authorization.</b> Only the presentity itself may subscribe ({@link WatcherInfoAccess#presentityOnly()});
 * anyone else is answered 403. Pass another {@link WatcherInfoAccess} to widen it.
 *
 * <p><b>Waiting.</b> A pending watcher whose subscription ends by timeout stays listed as waiting for
 * {@code keepWaiting} (default one hour), then ends with event giveup. Waiting watchers are swept at
 * most once a minute, on the next subscription event.
 */
public final class WatcherInfoPackage implements EventPackage, SubscriptionListener {
    public static final String NAME = "presence.winfo";
    /** The package whose watchers this one reports. */
    public static final String WATCHED = "presence";
    public static final int DEFAULT_EXPIRES = 3600;
    public static final Duration DEFAULT_KEEP_WAITING = Duration.ofHours(1);
    private static final MediaType TYPE = MediaType.of(WatcherInfo.CONTENT_TYPE);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    /** Nothing is cached between NOTIFYs: each subscriber's document depends on what it was told. */
    private record WinfoView(Aor presentity) implements ResourceView {}

    private final InstantSource clock;
    private final WatcherInfoAccess access;
    private final Duration keepWaiting;
    private final ConcurrentHashMap<Aor, PresentityWatchers> byPresentity = new ConcurrentHashMap<>();
    private volatile ResourceChangeListener changes = (pkg, resource) -> {};
    private volatile Function<String, Optional<Subscription>> live = id -> Optional.empty();
    private volatile Instant nextSweep = Instant.MIN;

    public WatcherInfoPackage(InstantSource clock) {
        this(clock, WatcherInfoAccess.presentityOnly(), DEFAULT_KEEP_WAITING);
    }

    public WatcherInfoPackage(InstantSource clock, WatcherInfoAccess access, Duration keepWaiting) {
        this.clock = clock;
        this.access = access;
        this.keepWaiting = keepWaiting;
    }

    /** Starts following the framework's subscriptions: call once, after they were loaded. */
    public void attach(SubscriptionService subscriptions) {
        attach(subscriptions, subscriptions::find, subscriptions.all());
        subscriptions.addListener(this);
    }

    /**
     * @param changes  told when a presentity's winfo subscribers need a NOTIFY
     * @param live     the live subscription with an id, for current expiry times
     * @param existing subscriptions that exist already, to seed the watchers from
     */
    public void attach(ResourceChangeListener changes, Function<String, Optional<Subscription>> live,
                       List<Subscription> existing) {
        this.changes = changes;
        this.live = live;
        for (Subscription s : existing) {
            if (WATCHED.equals(s.event())) with(s.resource(), true, watchers -> {
                watchers.seed(s);
                return null;
            });
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
        return new WinfoView(resource);
    }

    /** Full or partial state for this subscriber, versioned by the NOTIFY's CSeq (see the class comment). */
    @Override
    public NotifyBody render(ResourceView view, Subscription subscription) {
        Aor presentity = subscription.resource();
        Instant now = clock.instant();
        boolean keep = live.apply(subscription.id()).isPresent(); // not a fetch, not a final NOTIFY
        AtomicReference<Boolean> full = new AtomicReference<>(true);
        List<Watcher> watchers = with(presentity, keep, state -> {
            Deltas.Next<WatcherRecord> next = state.next(subscription.id(), keep);
            full.set(next instanceof Deltas.Next.Full);
            List<WatcherRecord> records = next instanceof Deltas.Next.Partial<WatcherRecord> p ? p.changed() : state.records();
            return elements(records, now);
        });
        WatcherInfo info = new WatcherInfo(Math.max(0, subscription.dialog().localCseq() - 1), full.get(),
                List.of(new WatcherList(presentity.uri(), WATCHED, watchers == null ? List.of() : watchers)));
        return new NotifyBody(WatcherInfo.CONTENT_TYPE, WatcherInfoWriter.write(info));
    }

    /** A NOTIFY the subscriber did not take: it gets full state next. */
    @Override
    public void notified(Subscription subscription, boolean accepted) {
        if (!accepted) forget(subscription);
    }

    @Override
    public void on(SubscriptionEvent event) {
        Subscription s = event.subscription();
        if (NAME.equals(s.event())) {
            if (event instanceof SubscriptionEvent.Ended) forget(s);
            return;
        }
        if (!WATCHED.equals(s.event())) return;
        Instant now = clock.instant();
        if (Boolean.TRUE.equals(with(s.resource(), true, watchers -> watchers.apply(event, now)))) {
            changes.changed(this, s.resource());
        }
        sweep(now);
    }

    private void forget(Subscription subscriber) {
        with(subscriber.resource(), false, watchers -> {
            watchers.forget(subscriber.id());
            return null;
        });
    }

    /** Ends waiting watchers kept long enough, at most once per {@link #SWEEP_EVERY}. */
    private void sweep(Instant now) {
        if (now.isBefore(nextSweep)) return;
        nextSweep = now.plus(SWEEP_EVERY);
        Instant cutoff = now.minus(keepWaiting);
        for (Aor presentity : new ArrayList<>(byPresentity.keySet())) {
            if (Boolean.TRUE.equals(with(presentity, false, watchers -> watchers.giveUpWaiting(cutoff, now)))) {
                changes.changed(this, presentity);
            }
        }
    }

    private List<Watcher> elements(List<WatcherRecord> records, Instant now) {
        List<Watcher> out = new ArrayList<>(records.size());
        for (WatcherRecord r : records) {
            Instant expiresAt = r.live() ? live.apply(r.subscriptionId()).map(Subscription::expiresAt).orElse(null) : null;
            out.add(r.element(now, expiresAt));
        }
        return out;
    }

    /**
     * Runs {@code action} on the presentity's state with every other action on it kept out, and drops
     * the state once it holds nothing. Returns null when there is no state and {@code create} is false.
     */
    private <T> T with(Aor presentity, boolean create, Function<PresentityWatchers, T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        byPresentity.compute(presentity, (key, watchers) -> {
            if (watchers == null) {
                if (!create) return null;
                watchers = new PresentityWatchers();
            }
            result.set(action.apply(watchers));
            return watchers.isEmpty() ? null : watchers;
        });
        return result.get();
    }
}
