package org.herald.sip.event;

import org.herald.sip.message.ParameterizedValue;
import org.herald.sip.message.SipRequest;

/**
 * What a SUBSCRIBE asks beyond RFC 6665: rate control (RFC 6446), a body for the package (e.g. an
 * RFC 4661 filter) and the entity tag of the state the subscriber already has (RFC 5839).
 *
 * @param suppressIfMatch the Suppress-If-Match value, or null
 */
record Conditions(RateControl rate, SubscribeBody body, String suppressIfMatch) {

    /** @throws IllegalArgumentException bad rate control parameters */
    static Conditions of(SipRequest request, ParameterizedValue event) {
        SubscribeBody body = request.hasBody()
                ? new SubscribeBody(request.header("Content-Type").map(String::trim).orElse(null), request.body())
                : SubscribeBody.NONE;
        return new Conditions(RateControl.parse(event), body, request.header("Suppress-If-Match").map(String::trim).orElse(null));
    }

    /**
     * The entity tag that Suppress-If-Match matches (RFC 5839 §5), or null to notify as usual. Only state
     * an active subscriber would be shown can match; {@code *} matches any.
     *
     * @param known the tag of the last NOTIFY the subscriber took with nothing changed since, for a refresh
     */
    String suppressedTag(EventPackage pkg, Subscription s, String known) {
        if (suppressIfMatch == null || s.state() != SubscriptionState.ACTIVE) return null;
        String current = pkg.entityTag(pkg.view(s.resource()), s).orElse(known);
        if (current == null) return null;
        return suppressIfMatch.equals("*") || suppressIfMatch.equals(current) ? current : null;
    }
}
