package org.herald.sip.stack;

import gov.nist.javax.sip.ServerTransactionExt;
import gov.nist.javax.sip.message.MessageExt;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.HopImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.herald.sip.Handling;
import org.herald.sip.RequestSender;
import org.herald.sip.SipApplication;
import org.herald.sip.message.Flow;
import org.herald.sip.message.OutgoingRequest;
import org.herald.sip.message.RequestOutcome;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.SipResponse;
import org.herald.sip.message.Transport;
import org.herald.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place that touches JAIN-SIP: listening points for UDP, TCP, TLS and WS on one NIO stack,
 * server transactions for incoming requests (handled by the core on {@code handlers}, which may
 * block), client transactions for NOTIFYs, and stateful forking for proxied requests.
 */
public final class JainSipStack implements RequestSender, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JainSipStack.class);

    private final StackSettings settings;
    private final SipApplication app;
    private final Executor handlers;
    private final SipStack stack;
    private final SipProvider provider;
    private final MessageConverter converter;
    private final javax.sip.header.HeaderFactory headers;
    private final javax.sip.message.MessageFactory messages;
    private final Set<String> openFlows = ConcurrentHashMap.newKeySet();
    private final Map<ServerTransaction, ProxyTransaction> proxies = new ConcurrentHashMap<>();

    private record PendingRequest(CompletableFuture<RequestOutcome> outcome) {}

    private record Branch(ProxyTransaction proxy) {}

    private static final Object CANCELLING = new Object();

    private JainSipStack(StackSettings settings, SipApplication app, Executor handlers) throws Exception {
        this.settings = settings;
        this.app = app;
        this.handlers = handlers;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        this.stack = factory.createSipStack(properties(settings));
        this.headers = factory.createHeaderFactory();
        this.messages = factory.createMessageFactory();
        this.converter = new MessageConverter(factory.createAddressFactory(), headers, messages);
        FlowTrackingProcessorFactory.register((SIPTransactionStack) stack, new FlowTrackingProcessorFactory.FlowListener() {
            @Override
            public void opened(String key) {
                openFlows.add(key);
            }

            @Override
            public void closed(String key) {
                if (openFlows.remove(key)) handlers.execute(() -> app.flowClosed(Flow.parse(key)));
            }
        });
        SipProvider p = null;
        for (var e : settings.ports().entrySet()) {
            ListeningPoint lp = stack.createListeningPoint(settings.host(), e.getValue(), e.getKey().token());
            if (p == null) p = stack.createSipProvider(lp);
            else p.addListeningPoint(lp);
        }
        if (p == null) throw new IllegalArgumentException("no SIP transport enabled");
        this.provider = p;
        provider.addSipListener(new Listener());
        stack.start();
    }

    /** Starts listening; requests go to {@code app}, run on {@code handlers}. */
    public static JainSipStack start(StackSettings settings, SipApplication app, Executor handlers) {
        try {
            return new JainSipStack(settings, app, handlers);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start SIP stack: " + e.getMessage(), e);
        }
    }

    private static Properties properties(StackSettings s) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "herald-" + s.host() + "-" + s.ports().values());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("javax.sip.ROUTER_PATH", FlowRouter.class.getName());
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", FlowTrackingProcessorFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(s.threads()));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(Math.max(65535, 4 * s.maxMessageSize())));
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        // RFC 7118 keeps the client's .invalid Contact; Herald routes back along the connection itself
        p.setProperty("gov.nist.javax.sip.PATCH_SIP_WEBSOCKETS_HEADERS", "false");
        if (s.keystore() != null) {
            p.setProperty("javax.net.ssl.keyStore", s.keystore().toString());
            p.setProperty("javax.net.ssl.keyStorePassword", s.keystorePassword());
            p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            p.setProperty("javax.net.ssl.trustStore", s.keystore().toString());
            p.setProperty("javax.net.ssl.trustStorePassword", s.keystorePassword());
            p.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3,TLSv1.2");
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",",
                    "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        }
        return p;
    }

    @Override
    public CompletionStage<RequestOutcome> send(OutgoingRequest out) {
        CompletableFuture<RequestOutcome> outcome = new CompletableFuture<>();
        try {
            Request request = converter.toStack(out);
            pinFlow(request, out.flow());
            ClientTransaction ct = provider.getNewClientTransaction(request);
            ct.setRetransmitTimer((int) settings.t1Millis());
            ct.setApplicationData(new PendingRequest(outcome));
            ct.sendRequest();
        } catch (Exception e) {
            outcome.complete(new RequestOutcome.Unreachable(e.toString()));
        }
        return outcome;
    }

    /** Sends along the flow when it is still there: UDP sources always are, connections while open. */
    private void pinFlow(Request request, Flow flow) {
        if (flow == null) return;
        if (flow.transport() == Transport.UDP || openFlows.contains(flow.id())) {
            ((MessageExt) request).setApplicationData(
                    new HopImpl(flow.remoteHost(), flow.remotePort(), flow.transport().name()));
        }
    }

    @Override
    public void close() {
        FlowTrackingProcessorFactory.unregister((SIPTransactionStack) stack);
        stack.stop();
    }

    // ---- incoming requests ----

    private void onRequest(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        switch (request.getMethod()) {
            case Request.ACK -> forwardStateless(request);
            case Request.CANCEL -> onCancel(event);
            default -> {
                ServerTransaction st = event.getServerTransaction();
                if (st == null) {
                    try {
                        st = provider.getNewServerTransaction(request);
                    } catch (TransactionAlreadyExistsException retransmission) {
                        return;
                    }
                }
                SIPMessage m = (SIPMessage) request;
                int bodyLength = m.getContentLength() == null ? 0 : m.getContentLength().getContentLength();
                if (m.getSize() + bodyLength > settings.maxMessageSize()) {
                    respond(st, request, SipResponse.of(513));
                    return;
                }
                popOwnRoutes(request);
                ListeningPoint lp = listeningPoint(MessageConverter.flowOf(m).transport());
                SipRequest core = converter.toCore(request, lp.getIPAddress(), lp.getPort());
                ServerTransaction transaction = st;
                handlers.execute(() -> dispatch(transaction, request, core));
            }
        }
    }

    private void dispatch(ServerTransaction st, Request request, SipRequest core) {
        Handling handling;
        try {
            handling = app.handle(core);
        } catch (StoreException e) {
            log.warn("store failed for {}: {}", core, e.getMessage());
            handling = Handling.reply(SipResponse.of(500, "Store Unavailable").withHeader("Retry-After", 5));
        } catch (RuntimeException e) {
            log.error("failed to handle {}", core, e);
            handling = Handling.reply(500);
        }
        switch (handling) {
            case Handling.Reply r -> {
                respond(st, request, r.response());
                r.afterSent().run();
            }
            case Handling.Proxy p -> forward(st, request, p);
        }
    }

    private void respond(ServerTransaction st, Request request, SipResponse response) {
        try {
            st.sendResponse(converter.toStack(response, request));
        } catch (Exception e) {
            log.warn("cannot send {} to {}: {}", response, request.getMethod(), e.toString());
        }
    }

    private void onCancel(RequestEvent event) throws Exception {
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

    // ---- proxying ----

    private void forward(ServerTransaction st, Request request, Handling.Proxy decision) {
        MaxForwardsHeader mf = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (mf != null && mf.getMaxForwards() <= 0) {
            respond(st, request, SipResponse.of(483));
            return;
        }
        ProxyTransaction proxy = new ProxyTransaction(st, wire);
        proxies.put(st, proxy);
        if (Request.INVITE.equals(request.getMethod())) respond(st, request, SipResponse.of(100));
        Transport inbound = MessageConverter.flowOf((SIPMessage) request).transport();
        for (Handling.Target target : decision.targets()) {
            ClientTransaction ct = null;
            try {
                Request branch = (Request) request.clone();
                branch.setRequestURI(converter.uri(target.requestUri()));
                if (mf != null) ((MaxForwardsHeader) branch.getHeader(MaxForwardsHeader.NAME)).decrementMaxForwards();
                Transport outbound = outboundTransport(target);
                if (decision.recordRoute()) {
                    branch.addFirst(recordRoute(inbound));
                    if (outbound != inbound) branch.addFirst(recordRoute(outbound));
                }
                ListeningPoint lp = listeningPoint(outbound);
                branch.addFirst(headers.createViaHeader(lp.getIPAddress(), lp.getPort(), outbound.token(), null));
                pinFlow(branch, target.flow());
                ct = provider.getNewClientTransaction(branch);
                ct.setApplicationData(new Branch(proxy));
                proxy.addBranch(ct);
                ct.sendRequest();
            } catch (Exception e) {
                log.debug("branch to {} failed: {}", target.requestUri(), e.toString());
                if (ct == null) proxy.addBranch(null);
                proxy.branchFailed(ct, 503);
            }
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
                if (response != null) forwardResponseStateless(response);
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

    private Transport outboundTransport(Handling.Target target) {
        if (target.flow() != null) return target.flow().transport();
        int at = target.requestUri().toLowerCase(java.util.Locale.ROOT).indexOf(";transport=");
        if (at >= 0) {
            String t = target.requestUri().substring(at + 11).split("[;?>]", 2)[0];
            try {
                Transport transport = Transport.of(t);
                if (settings.ports().containsKey(transport)) return transport;
            } catch (IllegalArgumentException ignored) {
                // an unknown transport: fall back to UDP
            }
        }
        return settings.ports().containsKey(Transport.UDP) ? Transport.UDP : settings.ports().keySet().iterator().next();
    }

    private javax.sip.header.Header recordRoute(Transport transport) throws Exception {
        ListeningPoint lp = listeningPoint(transport);
        String uri = "sip:" + lp.getIPAddress() + ":" + lp.getPort() + ";lr"
                + (transport == Transport.UDP ? "" : ";transport=" + transport.token());
        return headers.createHeader("Record-Route", "<" + uri + ">");
    }

    /** ACK to a 2xx, and anything else without a transaction: along its Route, or to its Request-URI. */
    private void forwardStateless(Request request) throws Exception {
        if (!popOwnRoutes(request) && request.getHeader(RouteHeader.NAME) == null) return; // not ours to route
        Request copy = (Request) request.clone();
        Transport outbound = outboundTransport(new Handling.Target(copy.getRequestURI().toString(), null));
        ListeningPoint lp = listeningPoint(outbound);
        copy.addFirst(headers.createViaHeader(lp.getIPAddress(), lp.getPort(), outbound.token(), null));
        provider.sendRequest(copy);
    }

    private void forwardResponseStateless(Response response) {
        try {
            Response up = (Response) response.clone();
            up.removeFirst(ViaHeader.NAME);
            provider.sendResponse(up);
        } catch (Exception e) {
            log.debug("cannot relay response statelessly: {}", e.toString());
        }
    }

    /** Removes the Route entries that name Herald itself (RFC 3261 §16.4); true if there were any. */
    private boolean popOwnRoutes(Request request) {
        boolean popped = false;
        while (true) {
            RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
            if (route == null || !(route.getAddress().getURI() instanceof SipURI uri) || !isSelf(uri)) return popped;
            request.removeFirst(RouteHeader.NAME);
            popped = true;
        }
    }

    private boolean isSelf(SipURI uri) {
        if (!uri.getHost().equalsIgnoreCase(settings.host())) return false;
        int port = uri.getPort();
        return port <= 0 ? settings.ports().containsValue(5060) : settings.ports().containsValue(port);
    }

    private ListeningPoint listeningPoint(Transport transport) {
        ListeningPoint lp = provider.getListeningPoint(transport.token());
        return lp != null ? lp : provider.getListeningPoints()[0];
    }

    private final class Listener implements SipListener {
        @Override
        public void processRequest(RequestEvent event) {
            try {
                onRequest(event);
            } catch (Exception e) {
                log.warn("dropped {}: {}", event.getRequest().getMethod(), e.toString());
            }
        }

        @Override
        public void processResponse(ResponseEvent event) {
            ClientTransaction ct = event.getClientTransaction();
            Response response = event.getResponse();
            if (ct == null) { // a retransmitted 2xx to a forwarded INVITE
                if (response.getStatusCode() / 100 == 2 && isProxiedInvite(response)) forwardResponseStateless(response);
                return;
            }
            Object data = ct.getApplicationData();
            if (data instanceof PendingRequest pending) {
                if (response.getStatusCode() >= 200) {
                    pending.outcome().complete(new RequestOutcome.Answered(response.getStatusCode(), converter.headersOf(response)));
                }
            } else if (data instanceof Branch branch) {
                branch.proxy().onResponse(ct, response);
            }
        }

        private boolean isProxiedInvite(Response response) {
            ListIterator<?> vias = response.getHeaders(ViaHeader.NAME);
            if (!vias.hasNext()) return false;
            ViaHeader top = (ViaHeader) vias.next();
            return vias.hasNext() && top.getHost().equalsIgnoreCase(settings.host())
                    && settings.ports().containsValue(top.getPort());
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            if (event.isServerTransaction()) return;
            Object data = event.getClientTransaction().getApplicationData();
            if (data instanceof PendingRequest pending) pending.outcome().complete(new RequestOutcome.TimedOut());
            else if (data instanceof Branch branch) branch.proxy().branchFailed(event.getClientTransaction(), 408);
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
            log.debug("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
            if (event.isServerTransaction()) proxies.remove(event.getServerTransaction());
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {}
    }

    /** The listening ports actually in use, per transport. */
    public Map<Transport, Integer> ports() {
        return Map.copyOf(settings.ports());
    }

    List<String> openFlows() {
        return List.copyOf(openFlows);
    }
}
