package org.herald.sip;

import java.util.List;
import org.herald.sip.message.Flow;
import org.herald.sip.message.SipResponse;

/** What the core decided to do with a request; the stack carries it out. */
public sealed interface Handling {

    /** Answer the request; then run {@code afterSent} (e.g. the first NOTIFY after a 200 to SUBSCRIBE). */
    record Reply(SipResponse response, Runnable afterSent) implements Handling {
        public Reply(SipResponse response) {
            this(response, () -> {});
        }
    }

    /**
     * Forward statefully to every target in parallel (RFC 3261 §16), adding Record-Route when asked,
     * and relay the best final response.
     */
    record Proxy(List<Target> targets, boolean recordRoute) implements Handling {
        public Proxy {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) throw new IllegalArgumentException("a proxy decision needs a target");
        }
    }

    /** One branch of a fork: the new Request-URI and, when known, the flow to send it on. */
    record Target(String requestUri, Flow flow) {}

    static Handling reply(int status) {
        return new Reply(SipResponse.of(status));
    }

    static Handling reply(SipResponse response) {
        return new Reply(response);
    }
}
