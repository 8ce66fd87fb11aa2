package org.herald.presence.reginfo;

import org.herald.sip.event.SubscriptionState;
import org.herald.sip.message.Aor;

/**
 * Who may subscribe to an AOR's registration state. RFC 3680 leaves it to policy and names the AOR's
 * own user agents as the usual subscribers (to learn they were deregistered, or to compose presence),
 * besides application servers the operator trusts. Kamailio's and OpenSIPS's presence_reginfo apply
 * no rule of their own and leave authorization to the routing script before handle_subscribe();
 * Herald refuses by default what it cannot attribute to the AOR's owner.
 */
@FunctionalInterface
public interface RegistrationAccess {

    /** ACTIVE to allow, PENDING to hold, TERMINATED for a 403. */
    SubscriptionState authorize(Aor subscriber, Aor aor);

    /** Only the AOR's own user. */
    static RegistrationAccess ownerOnly() {
        return (subscriber, aor) -> subscriber.equals(aor) ? SubscriptionState.ACTIVE : SubscriptionState.TERMINATED;
    }

    /** This policy, and where it refuses, the other one's answer (e.g. an application server's identity). */
    default RegistrationAccess or(RegistrationAccess other) {
        return (subscriber, aor) -> {
            SubscriptionState mine = authorize(subscriber, aor);
            return mine == SubscriptionState.TERMINATED ? other.authorize(subscriber, aor) : mine;
        };
    }
}
