package org.herald.presence;

import java.util.List;
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
import org.herald.sip.event.EventPackage;
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
    private static final Instant PERMANENT = Instant.parse("9999-12-31T23:59:59Z");

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
        return List.of(PIDF);
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
        return List.of(PIDF);
    }

    @Override
    public int maxBodySize() {
        return maxBodyBytes;
    }

    @Override
    public EventState parse(MediaType type, byte[] body) throws InvalidBodyException {
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
        if (!(view instanceof PresenceView presence)) {
            throw new IllegalArgumentException("not a presence view: " + view);
        }
        var permissions = authorization.decide(presence.resource(), subscription.watcher(), presence.document()).permissions();
        if (subscription.state() == SubscriptionState.PENDING) permissions = Permissions.of(SubHandling.CONFIRM);
        return new NotifyBody(CONTENT_TYPE, authorization.body(presence, permissions));
    }
}
