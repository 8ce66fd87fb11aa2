package org.herald.sip.event;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.sip.Handling;
import org.herald.sip.RequestSender;
import org.herald.sip.message.Aor;
import org.herald.sip.message.MediaType;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.SipResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier side of RFC 6665: SUBSCRIBE processing (§4.2.1), the subscriptions in memory with
 * their durable copy, expiry, and NOTIFY on every state change through the {@link Notifier}.
 *
 * <pre>
 *   SUBSCRIBE ──► [pending] ──authorized──► [active] ──expires/unsubscribe/481──► [terminated]
 *        └──────────────────────────────────────┘ refresh (new Expires, NOTIFY with current state)
 * </pre>
 */
public final class SubscriptionService implements ResourceChangeListener {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record ResourceKey(String event, Aor resource) {}

    private final EventPackages packages;
    private final SubscriptionStore store;
    private final SubscriptionPolicy policy;
    private final InstantSource clock;
    private final Notifier notifier;
    private final Map<String, Watch> byId = new ConcurrentHashMap<>();
    private final Map<ResourceKey, Set<Watch>> byResource = new ConcurrentHashMap<>();
    /** Watches of resources whose state includes this one (RFC 4662 lists), by member. */
    private final Map<ResourceKey, Set<Watch>> byMember = new ConcurrentHashMap<>();
    private final List<SubscriptionListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SubscriptionService(EventPackages packages, SubscriptionStore store, SubscriptionPolicy policy,
                               InstantSource clock, RequestSender sender) {
        this(packages, store, policy, clock, sender, Scheduler.system());
    }

    /** @param scheduler runs rate control's timers (RFC 6446) */
    public SubscriptionService(EventPackages packages, SubscriptionStore store, SubscriptionPolicy policy,
                               InstantSource clock, RequestSender sender, Scheduler scheduler) {
        this.packages = packages;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.notifier = new Notifier(sender, store, clock, scheduler, this::gone);
    }

    /** Loads stored subscriptions; those that expired while Herald was down end at the next {@link #expire()}. */
    public void load() {
        int loaded = 0;
        for (Subscription s : store.all()) {
            Optional<EventPackage> pkg = packages.find(s.event());
            if (pkg.isEmpty()) {
                store.remove(s.id());
                continue;
            }
            long next = Math.max(s.dialog().localCseq(), s.cseqCeiling());
            Watch watch = new Watch(s.withDialog(s.dialog().withLocalCseq(next)));
            watch.started = true;
            register(watch);
            if (!s.rate().isNone()) notifier.resume(watch, pkg.get());
            loaded++;
        }
        log.info("loaded {} subscriptions", loaded);
    }

    /** Registers a listener of every subscription's life events (watcher-info uses it). */
    public void addListener(SubscriptionListener listener) {
        listeners.add(listener);
    }

    /**
     * Processes a SUBSCRIBE.
     *
     * @param watcher who sent it: the authenticated user, or the From AOR when authentication is open
     */
    public Handling subscribe(SipRequest request, Aor watcher) {
        Optional<String> eventHeader = request.header("Event");
        if (eventHeader.isEmpty()) return Handling.reply(SipResponse.of(400, "Missing Event header"));
        var event = request.event().orElseThrow();
        Optional<EventPackage> found = packages.find(event.value());
        if (found.isEmpty()) {
            return Handling.reply(SipResponse.of(489).withHeader("Allow-Events", packages.allowEvents()));
        }
        EventPackage pkg = found.get();
        OptionalInt expiresHeader = request.expires();
        if (request.header("Expires").isPresent() && expiresHeader.isEmpty()) {
            return Handling.reply(SipResponse.of(400, "Bad Expires"));
        }
        int expires = expiresHeader.orElse(pkg.defaultExpires());
        if (expires > 0 && expires < policy.minExpires()) {
            return Handling.reply(SipResponse.of(423).withHeader("Min-Expires", policy.minExpires()));
        }
        expires = Math.min(expires, policy.maxExpires());
        List<String> accept = request.headerValues("Accept");
        if (!accept.isEmpty() && !acceptable(accept, pkg)) {
            return Handling.reply(SipResponse.of(406).withHeader("Accept",
                    String.join(", ", pkg.notifyTypes().stream().map(MediaType::toString).toList())));
        }
        String eventId = Optional.ofNullable(event.param("id")).orElse("");
        Conditions conditions;
        try {
            conditions = Conditions.of(request, event);
        } catch (IllegalArgumentException e) {
            return Handling.reply(SipResponse.of(400, "Bad rate control").withWarning("herald", e.getMessage()));
        }
        return request.to().tag() == null
                ? create(request, watcher, pkg, eventId, expires, accept, conditions)
                : refresh(request, pkg, eventId, expires, accept, conditions);
    }


    private Handling create(SipRequest request, Aor watcher, EventPackage pkg, String eventId, int expires, List<String> accept,
                            Conditions conditions) {
        if (request.contacts().size() != 1) return Handling.reply(SipResponse.of(400, "SUBSCRIBE needs one Contact"));
        Aor resource = request.requestAor();
        SubscribeBody body = SubscribeBody.NONE;
        if (!conditions.body().isEmpty()) {
            switch (pkg.checkBody(watcher, resource, conditions.body())) {
                case BodyCheck.Reject r -> { return Handling.reply(r.response()); }
                case BodyCheck.Keep k -> body = conditions.body();
                case BodyCheck.Ignore i -> { }
            }
        }
        Optional<SipResponse> refused = pkg.admit(watcher, resource, request);
        if (refused.isPresent()) return Handling.reply(refused.get());
        SubscriptionState state = pkg.authorize(watcher, resource);
        if (state == SubscriptionState.TERMINATED) return Handling.reply(403);
        Instant now = clock.instant();
        String localTag = newTag();
        String localContact = "sip:" + request.localTarget();
        Dialog dialog = new Dialog(request.callId(), localTag, request.from().tag(), request.to().uri(),
                request.from().uri(), request.contacts().get(0).uri(), request.headerValues("Record-Route"),
                0, request.cseq(), localContact);
        Subscription subscription = new Subscription(localTag, pkg.name(), eventId, resource, watcher, dialog,
                state, now.plusSeconds(expires), accept, request.flow(), Notifier.CSEQ_BLOCK, now,
                conditions.rate(), body);
        Watch watch = new Watch(subscription);
        String suppressed = conditions.suppressedTag(pkg, subscription, null);
        if (expires == 0) { // a fetch: one NOTIFY with the state, nothing kept (RFC 6665 §4.4.3)
            watch.termination = TerminationReason.TIMEOUT;
            watch.reservedCseq = Long.MAX_VALUE;
            publish(new SubscriptionEvent.Created(subscription));
            publish(new SubscriptionEvent.Ended(subscription, TerminationReason.TIMEOUT));
        } else {
            store.save(subscription);
            register(watch);
            publish(new SubscriptionEvent.Created(subscription));
        }
        if (suppressed != null) { // RFC 5839: the subscriber has this state already
            SipResponse noNotification = SipResponse.of(204).withHeader("Expires", expires)
                    .withHeader("Contact", "<" + localContact + ">").withHeader("SIP-ETag", suppressed).withToTag(localTag);
            if (expires == 0) return Handling.reply(noNotification);
            return new Handling.Reply(noNotification, () -> notifier.startSuppressed(watch, pkg, suppressed));
        }
        SipResponse ok = SipResponse.of(200).withHeader("Expires", expires)
                .withHeader("Contact", "<" + localContact + ">").withToTag(localTag);
        return new Handling.Reply(ok, () -> notifier.start(watch, pkg));
    }

    private Handling refresh(SipRequest request, EventPackage pkg, String eventId, int expires, List<String> accept,
                             Conditions conditions) {
        Watch watch = byId.get(request.to().tag());
        if (watch == null) return Handling.reply(481);
        BodyCheck check = null;
        if (!conditions.body().isEmpty()) {
            Subscription s = watch.subscription;
            check = pkg.checkBody(s.watcher(), s.resource(), conditions.body());
            if (check instanceof BodyCheck.Reject r) return Handling.reply(r.response());
        }
        String suppressed;
        boolean rateChanged;
        watch.lock.lock();
        try {
            Subscription s = watch.subscription;
            Dialog d = s.dialog();
            if (watch.termination != null || !d.callId().equals(request.callId())
                    || !d.remoteTag().equals(request.from().tag())
                    || !s.event().equals(pkg.name()) || !s.eventId().equals(eventId)) {
                return Handling.reply(481);
            }
            if (request.cseq() <= d.remoteCseq()) return Handling.reply(SipResponse.of(500, "CSeq out of order"));
            Instant now = clock.instant();
            String target = request.contacts().isEmpty() ? null : request.contacts().get(0).uri();
            Subscription next = s.refreshed(now.plusSeconds(expires), d.refreshedBy(request.cseq(), target),
                    request.flow(), accept).withRate(conditions.rate());
            if (check != null) { // a new filter replaces the old; no body keeps it (RFC 4660 §4.2)
                next = next.withBody(check instanceof BodyCheck.Keep ? conditions.body() : SubscribeBody.NONE);
            }
            rateChanged = !next.rate().equals(s.rate());
            String known = !watch.inFlight && !watch.dirty && watch.lastState == s.state() ? watch.lastTag : null;
            suppressed = next.body().equals(s.body()) ? conditions.suppressedTag(pkg, next, known) : null;
            if (suppressed != null) {
                watch.lastTag = suppressed;
                watch.lastState = s.state();
            }
            if (expires == 0) {
                watch.subscription = next;
                terminateLocked(watch, TerminationReason.TIMEOUT);
            } else {
                store.save(next.withCseqCeiling(watch.reservedCseq));
                watch.subscription = next;
            }
        } finally {
            watch.lock.unlock();
        }
        if (expires == 0) publish(new SubscriptionEvent.Ended(watch.subscription, TerminationReason.TIMEOUT));
        if (rateChanged && expires > 0) notifier.restartRate(watch, pkg);
        if (suppressed != null) { // RFC 5839: nothing changed since the state the subscriber has
            SipResponse noNotification = SipResponse.of(204).withHeader("Expires", expires)
                    .withHeader("Contact", "<" + watch.subscription.dialog().localContact() + ">")
                    .withHeader("SIP-ETag", suppressed);
            if (expires == 0) {
                watch.lock.lock();
                try {
                    watch.finished = true; // the final NOTIFY is suppressed too
                    Notifier.cancelTimers(watch);
                } finally {
                    watch.lock.unlock();
                }
                pkg.ended(watch.subscription);
            }
            return Handling.reply(noNotification);
        }
        SipResponse ok = SipResponse.of(200).withHeader("Expires", expires)
                .withHeader("Contact", "<" + watch.subscription.dialog().localContact() + ">");
        return new Handling.Reply(ok, () -> notifier.notify(watch, pkg));
    }

    @Override
    public void changed(EventPackage pkg, Aor resource) {
        ResourceKey key = new ResourceKey(pkg.name(), resource);
        for (Watch watch : byResource.getOrDefault(key, Set.of())) {
            notifier.notifyIfChanged(watch, pkg);
        }
        for (Watch watch : byMember.getOrDefault(key, Set.of())) {
            notifier.notifyIfChanged(watch, pkg);
        }
    }

    /**
     * The package's {@link EventPackage#members} of the resource changed (a resource list was edited):
     * its subscriptions follow the new members and are notified if what they show changed.
     */
    public void membersChanged(EventPackage pkg, Aor resource) {
        for (Watch watch : byResource.getOrDefault(new ResourceKey(pkg.name(), resource), Set.of())) {
            unindexMembers(watch);
            indexMembers(watch, pkg);
            notifier.notifyIfChanged(watch, pkg);
        }
    }

    /** Terminates subscriptions whose time ran out, with reason=timeout. Returns how many. */
    public int expire() {
        Instant now = clock.instant();
        int ended = 0;
        for (Watch watch : byId.values()) {
            if (watch.subscription.expiresAt().isAfter(now)) continue;
            terminate(watch, TerminationReason.TIMEOUT);
            ended++;
        }
        return ended;
    }

    /** Ends a subscription from Herald's side (expiry, shutdown of a resource, an operator) with a final NOTIFY. */
    public void terminate(String id, TerminationReason reason) {
        Watch watch = byId.get(id);
        if (watch != null) terminate(watch, reason);
    }

    private void terminate(Watch watch, TerminationReason reason) {
        watch.lock.lock();
        try {
            if (watch.termination != null) return;
            terminateLocked(watch, reason);
        } finally {
            watch.lock.unlock();
        }
        publish(new SubscriptionEvent.Ended(watch.subscription, reason));
        packages.find(watch.subscription.event()).ifPresent(pkg -> notifier.notify(watch, pkg));
    }

    /**
     * Asks the package again whether each watcher of the resource may see it (its rules changed):
     * pending ones it now allows become active, those it now refuses end with reason=rejected, and
     * every watcher gets a NOTIFY of its new state.
     */
    public void reauthorize(EventPackage pkg, Aor resource) {
        for (Watch watch : byResource.getOrDefault(new ResourceKey(pkg.name(), resource), Set.of())) {
            Subscription before = watch.subscription;
            SubscriptionState next = pkg.authorize(before.watcher(), resource);
            if (next == SubscriptionState.TERMINATED) {
                terminate(watch, TerminationReason.REJECTED);
                continue;
            }
            if (next != before.state()) {
                Subscription changed;
                watch.lock.lock();
                try {
                    if (watch.termination != null) continue;
                    changed = watch.subscription.withState(next);
                    store.save(changed.withCseqCeiling(watch.reservedCseq));
                    watch.subscription = changed;
                } finally {
                    watch.lock.unlock();
                }
                publish(new SubscriptionEvent.StateChanged(changed, before.state()));
                notifier.notify(watch, pkg);
            } else {
                notifier.notifyIfChanged(watch, pkg); // same state; new rules may still show it something else
            }
        }
        for (Watch watch : byMember.getOrDefault(new ResourceKey(pkg.name(), resource), Set.of())) {
            notifier.notifyIfChanged(watch, pkg); // lists the resource is in show it under its new rules
        }
    }

    private void terminateLocked(Watch watch, TerminationReason reason) {
        watch.termination = reason;
        unregister(watch);
        store.remove(watch.subscription.id());
    }

    /** The subscriber answered 481 or vanished: forget the subscription without a NOTIFY. */
    private void gone(Watch watch) {
        if (!unregister(watch)) return; // already ended from Herald's side
        store.remove(watch.subscription.id());
        publish(new SubscriptionEvent.Ended(watch.subscription, TerminationReason.TIMEOUT));
    }

    private void publish(SubscriptionEvent event) {
        for (SubscriptionListener l : listeners) {
            try {
                l.on(event);
            } catch (RuntimeException e) {
                log.warn("a subscription listener failed on {}: {}", event, e.toString());
            }
        }
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(w -> w.subscription);
    }

    public List<Subscription> all() {
        return byId.values().stream().map(w -> w.subscription).toList();
    }

    public int count() {
        return byId.size();
    }

    private void register(Watch watch) {
        Subscription s = watch.subscription;
        byId.put(s.id(), watch);
        byResource.computeIfAbsent(new ResourceKey(s.event(), s.resource()), k -> ConcurrentHashMap.newKeySet()).add(watch);
        packages.find(s.event()).ifPresent(pkg -> indexMembers(watch, pkg));
    }

    private void indexMembers(Watch watch, EventPackage pkg) {
        Subscription s = watch.subscription;
        watch.members = Set.copyOf(pkg.members(s.resource()));
        for (Aor member : watch.members) {
            byMember.computeIfAbsent(new ResourceKey(s.event(), member), k -> ConcurrentHashMap.newKeySet()).add(watch);
        }
    }

    private void unindexMembers(Watch watch) {
        for (Aor member : watch.members) {
            byMember.computeIfPresent(new ResourceKey(watch.subscription.event(), member), (k, set) -> {
                set.remove(watch);
                return set.isEmpty() ? null : set;
            });
        }
        watch.members = Set.of();
    }

    /** Returns whether the watch was still registered. */
    private boolean unregister(Watch watch) {
        Subscription s = watch.subscription;
        boolean was = byId.remove(s.id(), watch);
        unindexMembers(watch);
        byResource.computeIfPresent(new ResourceKey(s.event(), s.resource()), (k, set) -> {
            set.remove(watch);
            return set.isEmpty() ? null : set;
        });
        return was;
    }

    private static boolean acceptable(List<String> accept, EventPackage pkg) {
        for (String value : accept) {
            for (String item : value.split(",")) {
                MediaType range = MediaType.parse(item);
                if (range != null && pkg.notifyTypes().stream().anyMatch(range::covers)) return true;
            }
        }
        return false;
    }

    private static String newTag() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
