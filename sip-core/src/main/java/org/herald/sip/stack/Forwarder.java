package org.herald.sip.stack;

import gov.nist.javax.sip.ServerTransactionExt;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.herald.sip.Handling;
import org.herald.sip.message.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy half of the stack (RFC 3261 §16): stateful forking of requests to their targets, CANCEL,
 * and stateless relaying of ACKs for 2xx and of retransmitted 2xx responses.
 */
final class Forwarder {
    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);
    private static final Object CANCELLING = new Object();

    /** The application data of a branch's client transaction. */
    record Branch(ProxyTransaction proxy) {}

    private final SipProvider provider;
    private final MessageFactory messages;
    private final MessageConverter converter;
    private final Routing routing;
    private final String host;
    private final Map<ServerTransaction, ProxyTransaction> proxies = new ConcurrentHashMap<>();

    Forwarder(SipProvider provider, MessageFactory messages, MessageConverter converter, Routing routing, String host) {
        this.provider = provider;
        this.messages = messages;
        this.converter = converter;
        this.routing = routing;
        this.host = host;
    }

    void forward(ServerTransaction st, Request request, Handling.Proxy decision) {
        MaxForwardsHeader mf = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        ProxyTransaction proxy = new ProxyTransaction(st, wire);
        proxies.put(st, proxy);
        if (Request.INVITE.equals(request.getMethod())) reply(st, Response.TRYING);
        Transport inbound = MessageConverter.flowOf((SIPMessage) request).transport();
        for (Handling.Target target : decision.targets()) {
            ClientTransaction ct = null;
            try {
                Request branch = (Request) request.clone();
                branch.setRequestURI(converter.uri(target.requestUri()));
                if (mf != null) ((MaxForwardsHeader) branch.getHeader(MaxForwardsHeader.NAME)).decrementMaxForwards();
                Transport outbound = routing.outboundTransport(target.requestUri(), target.flow());
                if (decision.recordRoute()) {
                    branch.addFirst(routing.recordRoute(inbound));
                    if (outbound != inbound) branch.addFirst(routing.recordRoute(outbound));
                }
                branch.addFirst(routing.via(outbound));
                routing.pinFlow(branch, target.flow());
                ct = provider.getNewClientTransaction(branch);
                ct.setApplicationData(new Branch(proxy));
                proxy.addBranch(ct);
                ct.sendRequest();
            } catch (Exception e) {
                log.debug("branch to {} failed: {}", target.requestUri(), e.toString());
                if (ct == null) proxy.addBranch(null);
                proxy.branchFailed(ct, Response.SERVICE_UNAVAILABLE);
            }
        }
    }

    /** The caller cancels: 200 to the CANCEL, then CANCEL on every branch (their 487s answer the INVITE). */
    void cancel(RequestEvent event) throws Exception {
        Request cancel = event.getRequest();
        ServerTransaction st = event.getServerTransaction();
        if (st == null) {
            provider.sendResponse(messages.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, cancel));
            return;
        }
        st.sendResponse(messages.createResponse(Response.OK, cancel));
        ServerTransaction invite = ((ServerTransactionExt) st).getCanceledInviteTransaction();
        ProxyTransaction proxy = invite == null ? null : proxies.get(invite);
        if (proxy != null) proxy.cancelAll();
        else if (invite != null) invite.sendResponse(messages.createResponse(Response.REQUEST_TERMINATED, invite.getRequest()));
    }

    /** ACK to a 2xx, and anything else without a transaction: along its Route, or to its Request-URI. */
    void forwardStateless(Request request) throws Exception {
        if (!routing.popOwnRoutes(request) && request.getHeader(RouteHeader.NAME) == null) return; // not ours to route
        Request copy = (Request) request.clone();
        copy.addFirst(routing.via(routing.outboundTransport(copy.getRequestURI().toString(), null)));
        provider.sendRequest(copy);
    }

    /** A response with no client transaction: a retransmitted 2xx to a forwarded INVITE goes on upstream. */
    void stray(Response response) {
        ListIterator<?> vias = response.getHeaders(ViaHeader.NAME);
        if (response.getStatusCode() / 100 != 2 || !vias.hasNext()) return;
        ViaHeader top = (ViaHeader) vias.next();
        if (vias.hasNext() && top.getHost().equalsIgnoreCase(host) && routing.isSelf(top.getHost(), top.getPort())) {
            relayStateless(response);
        }
    }

    void ended(ServerTransaction st) {
        proxies.remove(st);
    }

    private void relayStateless(Response response) {
        try {
            Response up = (Response) response.clone();
            up.removeFirst(ViaHeader.NAME);
            provider.sendResponse(up);
        } catch (Exception e) {
            log.debug("cannot relay response statelessly: {}", e.toString());
        }
    }

    private void reply(ServerTransaction st, int status) {
        try {
            st.sendResponse(messages.createResponse(status, st.getRequest()));
        } catch (Exception e) {
            log.debug("cannot send {}: {}", status, e.toString());
        }
    }

    private final ProxyTransaction.Wire wire = new ProxyTransaction.Wire() {
        @Override
        public void respondUpstream(ServerTransaction server, int status, Response response) {
            try {
                Response up;
                if (response == null) {
                    up = messages.createResponse(status, server.getRequest());
                } else {
                    up = (Response) response.clone();
                    up.removeFirst(ViaHeader.NAME);
                }
                server.sendResponse(up);
            } catch (Exception e) {
                log.debug("cannot relay {} upstream: {}", status, e.toString());
                if (response != null) relayStateless(response);
            }
        }

        @Override
        public void cancel(ClientTransaction branch) {
            if (branch == null) return;
            try {
                ClientTransaction c = provider.getNewClientTransaction(branch.createCancel());
                c.setApplicationData(CANCELLING);
                c.sendRequest();
            } catch (Exception e) {
                log.debug("cannot cancel branch: {}", e.toString());
            }
        }
    };
}
