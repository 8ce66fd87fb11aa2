package org.herald.sip.event;

import java.util.List;
import java.util.Optional;
import org.herald.sip.message.Aor;
import org.herald.sip.message.MediaType;

/**
 * An event package (RFC 6665 §7): what a subscription to {@link #name()} delivers. The framework does
 * dialogs, expiry and NOTIFY delivery; the package owns the state and its bodies. Kamailio's
 * {@code pres_ev_t} plays the same part.
 */
public interface EventPackage {

    /** The Event header token, e.g. {@code presence}. */
    String name();

    /** Body types NOTIFYs can carry, preferred first; the first serves a SUBSCRIBE without Accept. */
    List<MediaType> notifyTypes();

    /** Subscription duration when the SUBSCRIBE names none, in seconds. */
    int defaultExpires();

    /** Present when the package takes PUBLISH (RFC 3903). */
    default Optional<PublicationHandler> publications() {
        return Optional.empty();
    }

    /** The current state of a resource; the package may cache it. Never null. */
    ResourceView view(Aor resource);

    /** The NOTIFY body for one subscription. */
    NotifyBody render(ResourceView view, Subscription subscription);

    /**
     * Whether the watcher may see the resource: ACTIVE, PENDING (awaiting the presentity) or
     * TERMINATED (rejected). Asked again for every live subscription when the package calls
     * {@link SubscriptionService#reauthorize}.
     *
     * @param watcher the authenticated identity of the subscriber (its From AOR when auth is open)
     */
    default SubscriptionState authorize(Aor watcher, Aor resource) {
        return SubscriptionState.ACTIVE;
    }

    /**
     * A NOTIFY built from {@link #render} was answered: {@code accepted} false means the subscriber
     * did not take it (a non-2xx that did not end the subscription), so a package that sends partial
     * state must send full state next time. The NOTIFY's CSeq ({@code dialog().localCseq()}) grows by
     * one per NOTIFY, which makes it the body version for packages that carry one (RFC 3857, RFC 3680).
     */
    default void notified(Subscription subscription, boolean accepted) {}

    /**
     * The subscription is over and its last NOTIFY (if any) was answered: no {@link #render} for it
     * follows, so whatever the package keeps per subscription can go.
     */
    default void ended(Subscription subscription) {}

    /**
     * Judges the body of a SUBSCRIBE, initial or refresh, before anything else happens to the
     * subscription. The default ignores bodies, as RFC 6665 lets a package that defines none do.
     *
     * @param watcher  the authenticated subscriber
     * @param resource the resource subscribed to
     */
    default BodyCheck checkBody(Aor watcher, Aor resource, SubscribeBody body) {
        return BodyCheck.IGNORE;
    }

    /**
     * The RFC 5839 entity tag of the state this subscription would be notified of now, computed with no
     * side effect (no NOTIFY goes out because of it), so that a SUBSCRIBE with Suppress-If-Match can be
     * answered 204. Empty (the default) when the package cannot tell: then only a refresh whose tag is
     * the one of the last NOTIFY taken, with nothing changed since, is answered 204.
     */
    default Optional<String> entityTag(ResourceView view, Subscription subscription) {
        return Optional.empty();
    }

    /**
     * The package's own limit on the rate of NOTIFYs to one subscriber (RFC 6665 §7.2 asks each package
     * to define one): the shortest time between two NOTIFYs caused by state changes, whatever the
     * subscriber asked (RFC 6446 lets the notifier raise min-interval). Zero (the default): none.
     */
    default java.time.Duration minNotifyInterval() {
        return java.time.Duration.ZERO;
    }

    /**
     * Refuses a new subscription before it is created, e.g. 421 for a resource list subscribed to
     * without {@code Supported: eventlist} (RFC 4662 §5.1). Empty (the default): go on.
     */
    default Optional<org.herald.sip.message.SipResponse> admit(Aor watcher, Aor resource, org.herald.sip.message.SipRequest request) {
        return Optional.empty();
    }

    /**
     * Other resources whose changes concern subscriptions to {@code resource} (the members of a
     * resource list, RFC 4662): a change of any of them notifies those subscriptions too. Asked when a
     * subscription starts and when {@link SubscriptionService#membersChanged} says the answer changed.
     */
    default java.util.Set<Aor> members(Aor resource) {
        return java.util.Set.of();
    }

    /** Option tags every NOTIFY of the subscription requires (e.g. {@code eventlist}), sent in Require. */
    default List<String> require(Subscription subscription) {
        return List.of();
    }
}
