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
}
