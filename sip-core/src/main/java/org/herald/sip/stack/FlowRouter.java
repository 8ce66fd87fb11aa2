package org.herald.sip.stack;

import gov.nist.javax.sip.message.MessageExt;
import java.util.ListIterator;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

/**
 * Routes a request along the flow Herald pinned on it (a {@link Hop} as the message's application
 * data: the connection or UDP source a client registered or subscribed from), else by RFC 3261 rules.
 * The stack calls it in the sending thread, with the very request object.
 */
public final class FlowRouter implements Router {
    private final gov.nist.javax.sip.stack.DefaultRouter fallback;

    public FlowRouter(SipStack stack, String outboundProxy) {
        this.fallback = new gov.nist.javax.sip.stack.DefaultRouter(stack, outboundProxy);
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        if (((MessageExt) request).getApplicationData() instanceof Hop hop) return hop;
        return fallback.getNextHop(request);
    }

    @Override
    @SuppressWarnings({"rawtypes", "deprecation"})
    public ListIterator getNextHops(Request request) {
        return fallback.getNextHops(request);
    }

    @Override
    public Hop getOutboundProxy() {
        return fallback.getOutboundProxy();
    }
}
