package org.herald.presence;

import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.presence.compose.Composer;
import org.herald.presence.compose.Composers;
import org.herald.presence.compose.NewestPerTupleComposer;
import org.herald.presence.compose.PresenceState;
import org.herald.presence.pidf.PidfParser;
import org.herald.presence.privacy.Permissions;
import org.herald.presence.privacy.SubHandling;
import org.herald.sip.publish.Publication;
import org.herald.presence.registration.RegistrationPresence;
import org.herald.presence.xml.XmlLimits;
import org.herald.presence.filter.WatcherFilters;
import org.herald.presence.partial.PartialNotifications;
import org.herald.presence.partial.PartialPublication;
import org.herald.presence.rls.ListNotifications;
import org.herald.presence.rls.ListService;
import org.herald.presence.rls.RlmiBody;
import org.herald.presence.rls.ServiceDirectory;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.SipResponse;
import org.herald.sip.event.BodyCheck;
import org.herald.sip.event.EntityTags;
import org.herald.sip.event.EventPackage;
import org.herald.sip.event.SubscribeBody;
import org.herald.sip.event.EventState;
import org.herald.sip.event.InvalidBodyException;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.event.PublicationHandler;
import org.herald.sip.event.PublishedState;
import org.herald.sip.event.ResourceView;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.message.Aor;
import org.herald.sip.message.MediaType;

/**
 * The {@code presence} event package (RFC 3856) with PUBLISH (RFC 3903) of PIDF (RFC 3863).
 *
 * <p>Work is done where it is cheapest: a PUBLISH body is parsed and validated once, when it
 * arrives; a presentity's publications are composed once per change into a {@link PresenceView}
 * holding the document and its bytes; a NOTIFY then costs no parsing, composing or serializing, for
 * any number of watchers. Views exist only for presentities with live publications; any other is
 * answered with a freshly made empty document, so unknown resources leave nothing behind.
 *
 * <p>Parameters: the {@link Composers} picking each presentity's composition policy (default: one
 * {@link NewestPerTupleComposer} for all) and the largest PUBLISH body accepted, in bytes (default
 * {@value #DEFAULT_MAX_BODY_BYTES}).
 */
public final class PresencePackage implements EventPackage, PublicationHandler {
    public static final String NAME = "presence";
    /** Sent exactly so: some phones reject a charset parameter on it. */
    public static final String CONTENT_TYPE = "application/pidf+xml";
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_EXPIRES = 3600;
    private static final MediaType PIDF = MediaType.of(CONTENT_TYPE);
    private static final MediaType PIDF_DIFF = MediaType.of(PartialNotifications.CONTENT_TYPE);
    private static final Instant PERMANENT = Instant.parse("9999-12-31T23:59:59Z");
    /** A watcher's view is Herald's own output, composed from many publications: generous limits. */
    private static final XmlLimits VIEW_LIMITS = new XmlLimits(4 << 20, 64, 100_000, 256, 64 * 1024);
    /** The server's limit on NOTIFYs per watcher that {@code PresenceAgent} sets (RFC 3856 §6.4 asks for one). */
    public static final Duration DEFAULT_MIN_NOTIFY_INTERVAL = Duration.ofMillis(100);

    private final Composers composers;
    private final PidfParser parser;
    private final int maxBodyBytes;
    private final Map<Aor, PresenceView> views = new ConcurrentHashMap<>();
    /** Asked for presentities without publications; see {@link #deriveFromRegistrations}. */
    private volatile RegistrationPresence registration = RegistrationPresence.off();
    /** Who sees what; see {@link #authorizeWith}. */
    private volatile PresenceAuthorization authorization = PresenceAuthorization.open();
    /** Told when a presentity whose rules have sphere conditions publishes a new document. */
    private volatile java.util.function.Consumer<Aor> sphereListener = resource -> { };
    /** Permanent state (RFC 4827 pidf-manipulation), composed as the oldest publication of its presentity. */
    private final Map<Aor, PublishedState> permanent = new ConcurrentHashMap<>();
    /** RFC 4660 watcher filters, applied to what privacy rules let each watcher see. */
    private final WatcherFilters filters = new WatcherFilters(NAME, VIEW_LIMITS);
    /** RFC 5263 partial notification for watchers that accept application/pidf-diff+xml. */
    private final PartialNotifications partial = new PartialNotifications(VIEW_LIMITS);
    /** RFC 4662 resource list services, from the users' rls-services documents. */
    private final ServiceDirectory lists = new ServiceDirectory();
    private final ListNotifications listNotifications = new ListNotifications();
    /** The shortest time between two NOTIFYs caused by changes, for every watcher; see {@link #limitNotifyRate}. */
    private volatile Duration minNotifyInterval = Duration.ZERO;

    public PresencePackage(Composers composers, int maxBodyBytes) {
        this.composers = composers;
        this.parser = new PidfParser(XmlLimits.ofMaxBytes(maxBodyBytes));
        this.maxBodyBytes = maxBodyBytes;
    }

    /** One composer for every presentity. */
    public PresencePackage(Composer composer, int maxBodyBytes) {
        this(Composers.fixed(composer), maxBodyBytes);
    }

    public PresencePackage() {
        this(new NewestPerTupleComposer(), DEFAULT_MAX_BODY_BYTES);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<MediaType> notifyTypes() {
        return List.of(PIDF, PIDF_DIFF);
    }

    @Override
    public int defaultExpires() {
        return DEFAULT_EXPIRES;
    }

    @Override
    public Optional<PublicationHandler> publications() {
        return Optional.of(this);
    }

    @Override
    public List<MediaType> types() {
        return List.of(PIDF, PIDF_DIFF);
    }

    @Override
    public int maxBodySize() {
        return maxBodyBytes;
    }

    @Override
    public EventState parse(MediaType type, byte[] body) throws InvalidBodyException {
        if (PIDF_DIFF.equals(type)) { // RFC 5264: full state, or a patch applied by the framework under the lock
            return switch (PartialPublication.read(body, XmlLimits.ofMaxBytes(maxBodyBytes))) {
                case PartialPublication.Body.Full full -> new PresenceState(parser.parse(full.pidf()));
                case PartialPublication.Body.Patch patch -> new PartialPublication.Patch(patch.operations(),
                        XmlLimits.ofMaxBytes(maxBodyBytes), CONTENT_TYPE, pidf -> new PresenceState(parser.parse(pidf)));
            };
        }
        if (!PIDF.equals(type)) throw new InvalidBodyException("presence is published as " + CONTENT_TYPE + ", not " + type);
        return new PresenceState(parser.parse(body));
    }

    /**
     * Composes once and replaces the cached view; the framework calls it under the resource's lock.
     * A modification that composes to the same document (a client republishing what it had) is no change.
     */
    @Override
    public boolean changed(Aor resource, List<PublishedState> published) {
        PresenceView before = views.get(resource);
        List<PublishedState> live = withPermanent(resource, published);
        if (live.isEmpty()) {
            views.remove(resource);
            composers.forget(resource);
            authorization.forget(resource);
            return before != null;
        }
        PresenceView after = PresenceView.of(resource, composers.forPresentity(resource).compose(resource, live));
        views.put(resource, after);
        boolean changed = before == null || !before.document().equals(after.document());
        if (changed && authorization.dependsOnSphere(resource)) sphereListener.accept(resource);
        return changed;
    }

    /**
     * Shows presentities that publish nothing as their registrations say (open with a live binding,
     * closed without); off unless called. Set once, while wiring, before any NOTIFY.
     */
    public void deriveFromRegistrations(RegistrationPresence derived) {
        this.registration = derived;
    }

    /**
     * Applies RFC 5025 privacy rules to every watcher; off (everyone sees everything) unless called while
     * wiring. {@code sphereChanged} is told (under the presentity's publication lock) when a presentity
     * whose rules have sphere conditions has a new document, so its watchers can be decided again.
     */
    public void authorizeWith(PresenceAuthorization rules, java.util.function.Consumer<Aor> sphereChanged) {
        this.authorization = rules;
        this.sphereListener = sphereChanged;
    }

    /**
     * Sets (or, with an empty document, removes) a presentity's permanent state; the caller then has the
     * publication framework recompose the presentity so watchers hear of it.
     */
    public void permanentState(Aor resource, Optional<byte[]> pidf) throws InvalidBodyException {
        if (pidf.isEmpty()) {
            permanent.remove(resource);
            return;
        }
        EventState state = parse(PIDF, pidf.get());
        var publication = new Publication("permanent:" + resource.uri(), "permanent", NAME, resource, CONTENT_TYPE,
                pidf.get(), PERMANENT, Instant.EPOCH, -1);
        permanent.put(resource, new PublishedState(publication, state));
    }

    private List<PublishedState> withPermanent(Aor resource, List<PublishedState> live) {
        PublishedState kept = permanent.get(resource);
        if (kept == null) return live;
        List<PublishedState> all = new ArrayList<>(live.size() + 1);
        all.add(kept); // oldest: what a device publishes now overrides it where they overlap
        all.addAll(live);
        return all;
    }

    /** ACTIVE for allow and polite-block (RFC 5025 §3.2.1: the watcher must not tell them apart), PENDING for confirm. */
    @Override
    public SubscriptionState authorize(Aor watcher, Aor resource) {
        Optional<ListService> list = lists.find(resource);
        if (list.isPresent()) { // a resource list is its owner's: each member's own rules apply inside it
            return list.get().owner().equals(watcher) ? SubscriptionState.ACTIVE : SubscriptionState.TERMINATED;
        }
        PresenceView view = (PresenceView) view(resource);
        return switch (authorization.decide(resource, watcher, view.document()).subHandling()) {
            case ALLOW, POLITE_BLOCK -> SubscriptionState.ACTIVE;
            case CONFIRM -> SubscriptionState.PENDING;
            case BLOCK -> SubscriptionState.TERMINATED;
        };
    }

    @Override
    public ResourceView view(Aor resource) {
        PresenceView view = views.get(resource);
        return view != null ? view : PresenceView.of(resource,
                registration.unpublished(resource, composers.defaultComposer().compose(resource, List.of())));
    }

    /**
     * What this watcher may see of the view, the same array for every watcher with the same permissions
     * (the view's own bytes for those who see everything). A pending subscription gets the empty
     * document (RFC 6665 §4.2.1: no state is revealed before authorization).
     */
    @Override
    public NotifyBody render(ResourceView view, Subscription subscription) {
        Optional<ListService> list = lists.find(subscription.resource());
        if (list.isPresent()) {
            return subscription.state() == SubscriptionState.ACTIVE
                    ? listNotifications.render(subscription, list.get(), listMembers(list.get(), subscription)) : NotifyBody.NONE;
        }
        byte[] seen = privacyView(view, subscription);
        if (subscription.state() == SubscriptionState.PENDING) return new NotifyBody(CONTENT_TYPE, seen);
        byte[] filtered = filters.render(subscription, seen);
        return PartialNotifications.wanted(subscription) ? partial.render(subscription, filtered, CONTENT_TYPE)
                : new NotifyBody(CONTENT_TYPE, filtered);
    }

    /** What privacy rules let the watcher see: the body before its own filters. */
    private byte[] privacyView(ResourceView view, Subscription subscription) {
        if (!(view instanceof PresenceView presence)) {
            throw new IllegalArgumentException("not a presence view: " + view);
        }
        var permissions = authorization.decide(presence.resource(), subscription.watcher(), presence.document()).permissions();
        if (subscription.state() == SubscriptionState.PENDING) permissions = Permissions.of(SubHandling.CONFIRM);
        return authorization.body(presence, permissions);
    }

    /** RFC 5839: the tag of what a NOTIFY answering a SUBSCRIBE would carry now (privacy, then filters). */
    @Override
    public Optional<String> entityTag(ResourceView view, Subscription subscription) {
        if (subscription.state() != SubscriptionState.ACTIVE) return Optional.empty();
        Optional<ListService> list = lists.find(subscription.resource());
        if (list.isPresent()) return Optional.of(RlmiBody.of(list.get().uri(), 0, listMembers(list.get(), subscription)).tag());
        return Optional.of(EntityTags.of(CONTENT_TYPE, filters.selected(subscription, privacyView(view, subscription))));
    }

    /** RFC 4660/4661: a SUBSCRIBE may carry an {@code application/simple-filter+xml} filter set. */
    @Override
    public BodyCheck checkBody(Aor watcher, Aor resource, SubscribeBody body) {
        return filters.check(body);
    }

    @Override
    public void notified(Subscription subscription, boolean accepted) {
        if (!accepted) filters.reset(subscription.id());
        partial.notified(subscription, accepted);
        listNotifications.notified(subscription, accepted);
    }

    /** The subscription is over: what its filters and partial notification remembered goes. */
    @Override
    public void ended(Subscription subscription) {
        filters.forget(subscription.id());
        partial.forget(subscription.id());
        listNotifications.forget(subscription.id());
    }

    /**
     * The members of a list subscription (RFC 4662) with their presence as the list's owner may see it
     * under that member's rules (blocked members are terminated, members who must confirm are pending).
     */
    private List<RlmiBody.Member> listMembers(ListService list, Subscription subscription) {
        List<RlmiBody.Member> members = new ArrayList<>(list.members().size());
        for (Aor member : list.members()) {
            PresenceView view = (PresenceView) view(member);
            var decision = authorization.decide(member, subscription.watcher(), view.document());
            members.add(switch (decision.subHandling()) {
                case ALLOW, POLITE_BLOCK -> new RlmiBody.Member.Active(member, authorization.body(view, decision.permissions()));
                case CONFIRM -> new RlmiBody.Member.Pending(member);
                case BLOCK -> new RlmiBody.Member.Rejected(member);
            });
        }
        return members;
    }

    /** RFC 4662 §5.1: a list is subscribed to only by a subscriber that supports eventlist (else 421). */
    @Override
    public Optional<SipResponse> admit(Aor watcher, Aor resource, SipRequest request) {
        if (lists.find(resource).isPresent() && !request.supports("eventlist")) {
            return Optional.of(SipResponse.of(421).withHeader("Require", "eventlist"));
        }
        return Optional.empty();
    }

    @Override
    public java.util.Set<Aor> members(Aor resource) {
        return lists.find(resource).map(l -> (java.util.Set<Aor>) new java.util.LinkedHashSet<>(l.members())).orElse(java.util.Set.of());
    }

    @Override
    public List<String> require(Subscription subscription) {
        return lists.find(subscription.resource()).isPresent() ? List.of("eventlist") : List.of();
    }

    /** The resource list services (RFC 4662) this package serves; the agent reloads them from XCAP. */
    public ServiceDirectory lists() {
        return lists;
    }

    @Override
    public Duration minNotifyInterval() {
        return minNotifyInterval;
    }

    /** Sets the server's limit on the rate of NOTIFYs to any one watcher (none unless called). */
    public void limitNotifyRate(Duration minInterval) {
        this.minNotifyInterval = minInterval;
    }
}
