package org.herald.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.SIPTransactionStack;
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
    private final Routing routing;
    private final Forwarder forwarder;

    private record PendingRequest(CompletableFuture<RequestOutcome> outcome) {}


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
        this.routing = new Routing(provider, headers, settings, openFlows);
        this.forwarder = new Forwarder(provider, messages, converter, routing, settings.host());
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
        // a finished transaction waits 32 s for retransmissions (Timer J); it needs the message bytes, not the parse
        p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
        // datagrams that waited this long (ms) are dropped: their senders have retransmitted already
        p.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "2000");
        // the 128 KiB default drops datagrams in bursts long before the CPU is busy
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(4 << 20));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(4 << 20));
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
            routing.pinFlow(request, out.flow());
            ClientTransaction ct = provider.getNewClientTransaction(request);
            ct.setRetransmitTimer((int) settings.t1Millis());
            ct.setApplicationData(new PendingRequest(outcome));
            ct.sendRequest();
        } catch (Exception e) {
            outcome.complete(new RequestOutcome.Unreachable(e.toString()));
        }
        return outcome;
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
            case Request.ACK -> forwarder.forwardStateless(request);
            case Request.CANCEL -> forwarder.cancel(event);
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
                routing.popOwnRoutes(request);
                ListeningPoint lp = routing.listeningPoint(MessageConverter.flowOf(m).transport());
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
            case Handling.Proxy p -> forwarder.forward(st, request, p);
        }
    }

    private void respond(ServerTransaction st, Request request, SipResponse response) {
        try {
            st.sendResponse(converter.toStack(response, request));
        } catch (Exception e) {
            log.warn("cannot send {} to {}: {}", response, request.getMethod(), e.toString());
        }
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
            if (ct == null) {
                forwarder.stray(response);
                return;
            }
            Object data = ct.getApplicationData();
            if (data instanceof PendingRequest pending) {
                if (response.getStatusCode() >= 200) {
                    pending.outcome().complete(new RequestOutcome.Answered(response.getStatusCode(), converter.headersOf(response)));
                }
            } else if (data instanceof Forwarder.Branch branch) {
                branch.proxy().onResponse(ct, response);
            }
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            if (event.isServerTransaction()) return;
            Object data = event.getClientTransaction().getApplicationData();
            if (data instanceof PendingRequest pending) pending.outcome().complete(new RequestOutcome.TimedOut());
            else if (data instanceof Forwarder.Branch branch) branch.proxy().branchFailed(event.getClientTransaction(), 408);
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
            log.debug("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
            if (event.isServerTransaction()) forwarder.ended(event.getServerTransaction());
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {}
    }

    /** The listening ports actually in use, per transport. */
    public Map<Transport, Integer> ports() {
        return Map.copyOf(settings.ports());
    }
}
