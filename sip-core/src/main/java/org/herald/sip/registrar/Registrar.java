package org.herald.sip.registrar;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.herald.sip.message.NameAddr;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.SipResponse;

/**
 * The REGISTER processing of RFC 3261 §10.3, steps 6 to 8, as a pure function of the request, the
 * AOR's current bindings and the time. Authentication and domain checks happen before.
 */
public final class Registrar {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final RegistrarPolicy policy;

    public Registrar(RegistrarPolicy policy) {
        this.policy = policy;
    }

    /** The answer and, when bindings changed, the registration to store before answering. */
    public record Outcome(SipResponse response, Registration changed) {
        static Outcome reject(SipResponse response) {
            return new Outcome(response, null);
        }
    }

    public Outcome register(SipRequest request, Registration current, Instant now) {
        List<Binding> live = new ArrayList<>(current.active(now));
        boolean expiredDropped = live.size() != current.bindings().size();

        if (request.contactWildcard()) {
            if (request.contacts().size() > 0 || request.expires().orElse(-1) != 0) {
                return Outcome.reject(SipResponse.of(400, "Contact * needs Expires: 0 and no other contact"));
            }
            for (Binding b : live) {
                if (b.callId().equals(request.callId()) && request.cseq() <= b.cseq()) {
                    return Outcome.reject(SipResponse.of(500, "Out of order REGISTER"));
                }
            }
            Registration cleared = current.withBindings(List.of());
            return new Outcome(ok(cleared, now), cleared);
        }

        if (request.contacts().isEmpty()) { // a query
            Registration pruned = current.withBindings(live);
            return new Outcome(ok(pruned, now), expiredDropped ? pruned : null);
        }

        OptionalInt headerExpires = request.expires();
        if (request.header("Expires").isPresent() && headerExpires.isEmpty()) {
            return Outcome.reject(SipResponse.of(400, "Bad Expires"));
        }
        for (NameAddr contact : request.contacts()) {
            int expires = requestedExpires(contact, headerExpires);
            if (expires < 0) return Outcome.reject(SipResponse.of(400, "Bad expires parameter"));
            if (expires > 0 && expires < policy.minExpires()) {
                return Outcome.reject(SipResponse.of(423).withHeader("Min-Expires", policy.minExpires()));
            }
        }

        for (NameAddr contact : request.contacts()) {
            int expires = Math.min(requestedExpires(contact, headerExpires), policy.maxExpires());
            Binding proposed = toBinding(contact, request, now, expires);
            Binding existing = live.stream().filter(b -> b.sameBindingAs(proposed)).findFirst().orElse(null);
            if (existing != null) {
                if (existing.callId().equals(request.callId()) && request.cseq() <= existing.cseq()) {
                    return Outcome.reject(SipResponse.of(500, "Out of order REGISTER"));
                }
                live.remove(existing);
            }
            if (expires > 0) live.add(proposed);
        }
        if (live.size() > policy.maxContacts()) {
            return Outcome.reject(SipResponse.of(403, "Too Many Contacts"));
        }
        Registration next = current.withBindings(live);
        return new Outcome(ok(next, now), next);
    }

    private int requestedExpires(NameAddr contact, OptionalInt headerExpires) {
        String param = contact.param("expires");
        if (param != null) return SipRequest.parseDeltaSeconds(param).orElse(-1);
        return headerExpires.orElse(policy.defaultExpires());
    }

    private static Binding toBinding(NameAddr contact, SipRequest request, Instant now, int expires) {
        String instance = contact.param("+sip.instance");
        int regId = 0;
        if (instance != null) {
            instance = instance.replace("\"", "");
            String reg = contact.param("reg-id");
            if (reg != null) regId = SipRequest.parseDeltaSeconds(reg).orElse(0);
        }
        float q = parseQ(contact.param("q"));
        return new Binding(contact.withoutParam("expires").format(), contact.uri(), q, instance, regId,
                request.callId(), request.cseq(), now.plusSeconds(expires), request.flow(), now,
                request.header("User-Agent").orElse(null));
    }

    private static float parseQ(String q) {
        if (q == null) return 1.0f;
        try {
            float v = Float.parseFloat(q);
            return v < 0 || v > 1 ? 1.0f : v;
        } catch (NumberFormatException e) {
            return 1.0f;
        }
    }

    private static SipResponse ok(Registration registration, Instant now) {
        SipResponse response = SipResponse.of(200).withHeader("Date", HTTP_DATE.format(now));
        for (Binding b : registration.active(now)) {
            response = response.withHeader("Contact", b.contact() + ";expires=" + b.secondsLeft(now));
        }
        return response;
    }
}
