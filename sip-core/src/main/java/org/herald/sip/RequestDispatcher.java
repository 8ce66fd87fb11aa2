package org.herald.sip;

import java.util.List;
import java.util.Set;
import org.herald.sip.auth.Authenticator;
import org.herald.sip.event.EventPackages;
import org.herald.sip.event.SubscriptionService;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.SipResponse;
import org.herald.sip.publish.PublicationService;
import org.herald.sip.registrar.Binding;
import org.herald.sip.registrar.RegistrarService;

/**
 * Herald's SIP front door: checks domain and identity, then hands each request to the registrar,
 * the publication or subscription framework, or the proxy.
 */
public final class RequestDispatcher implements SipApplication {
    private static final Set<String> DIALOG_CREATING = Set.of("INVITE", "SUBSCRIBE", "REFER");
    static final String ALLOW = "REGISTER, PUBLISH, SUBSCRIBE, NOTIFY, OPTIONS, INVITE, ACK, CANCEL, BYE, MESSAGE, INFO, UPDATE, REFER, PRACK";

    private final LocalDomains domains;
    private final Authenticator authenticator;
    private final RegistrarService registrar;
    private final PublicationService publications;
    private final SubscriptionService subscriptions;
    private final EventPackages packages;

    public RequestDispatcher(LocalDomains domains, Authenticator authenticator, RegistrarService registrar,
                             PublicationService publications, SubscriptionService subscriptions, EventPackages packages) {
        this.domains = domains;
        this.authenticator = authenticator;
        this.registrar = registrar;
        this.publications = publications;
        this.subscriptions = subscriptions;
        this.packages = packages;
    }

    @Override
    public Handling handle(SipRequest request) {
        if (!request.requestUri().regionMatches(true, 0, "sip", 0, 3)) return Handling.reply(416);
        return switch (request.method()) {
            case "REGISTER" -> register(request);
            case "PUBLISH" -> publish(request);
            case "SUBSCRIBE" -> subscribe(request);
            case "OPTIONS" -> request.requestAor().user().isEmpty() && domains.isLocal(request.requestAor().host())
                    ? capabilities() : proxy(request);
            default -> proxy(request);
        };
    }

    @Override
    public void flowClosed(Flow flow) {
        registrar.flowClosed(flow);
    }

    private Handling register(SipRequest request) {
        if (!domains.isLocal(request.requestAor().host())) return Handling.reply(SipResponse.of(403, "Domain Not Served"));
        Aor aor = request.toAor();
        if (!domains.isLocal(aor.host())) return Handling.reply(SipResponse.of(403, "Domain Not Served"));
        return switch (authenticator.authenticate(request, aor.host())) {
            case Authenticator.Result.Challenged c -> Handling.reply(c.response());
            case Authenticator.Result.Identified who -> who.user().equals(aor) || isOpen()
                    ? registrar.register(request, aor)
                    : Handling.reply(SipResponse.of(403, "Not Your AOR"));
        };
    }

    private Handling publish(SipRequest request) {
        Aor resource = request.requestAor();
        if (!domains.isLocal(resource.host())) return Handling.reply(SipResponse.of(403, "Domain Not Served"));
        return switch (authenticator.authenticate(request, resource.host())) {
            case Authenticator.Result.Challenged c -> Handling.reply(c.response());
            case Authenticator.Result.Identified who -> who.user().equals(resource) || isOpen()
                    ? publications.publish(request)
                    : Handling.reply(SipResponse.of(403, "Only The Presentity May Publish"));
        };
    }

    private Handling subscribe(SipRequest request) {
        Aor resource = request.requestAor();
        boolean inDialog = request.to().tag() != null;
        if (!inDialog && !domains.isLocal(resource.host())) return Handling.reply(SipResponse.of(403, "Domain Not Served"));
        String realm = domains.isLocal(request.fromAor().host()) ? request.fromAor().host() : domains.primary();
        return switch (authenticator.authenticate(request, realm)) {
            case Authenticator.Result.Challenged c -> Handling.reply(c.response());
            case Authenticator.Result.Identified who -> !inDialog && !authenticator.knows(resource)
                    ? Handling.reply(404)
                    : subscriptions.subscribe(request, who.user());
        };
    }

    private Handling capabilities() {
        return Handling.reply(SipResponse.of(200).withHeader("Allow", ALLOW)
                .withHeader("Allow-Events", packages.allowEvents())
                .withHeader("Accept", "application/sdp, application/pidf+xml")
                .withHeader("Supported", "path, outbound"));
    }

    /**
     * Requests for someone else (RFC 3261 §16): along the route they carry, in a dialog to its remote
     * target (through the flow that target registered from, so it reaches phones behind NAT and on
     * WebSocket), else to the AOR's registered contacts.
     */
    private Handling proxy(SipRequest request) {
        if (request.header("Max-Forwards").map(v -> SipRequest.parseDeltaSeconds(v).orElse(70)).orElse(70) <= 0) {
            return Handling.reply(483);
        }
        if (!request.headerValues("Route").isEmpty()) {
            return new Handling.Proxy(List.of(new Handling.Target(request.requestUri(), null)), false);
        }
        if (!domains.resolvesHere(request.requestUri())) {
            if (request.to().tag() == null) return Handling.reply(SipResponse.of(403, "Relaying Denied"));
            return new Handling.Proxy(List.of(new Handling.Target(request.requestUri(),
                    registrar.flowOf(request.requestUri()).orElse(null))), false);
        }
        Aor target = request.requestAor();
        List<Binding> bindings = registrar.lookup(target);
        if (bindings.isEmpty()) return Handling.reply(authenticator.knows(target) ? 480 : 404);
        List<Handling.Target> targets = bindings.stream().map(b -> new Handling.Target(b.uri(), b.flow())).toList();
        return new Handling.Proxy(targets, DIALOG_CREATING.contains(request.method()));
    }

    private boolean isOpen() {
        return authenticator.mode() == org.herald.sip.auth.AuthMode.OPEN;
    }
}
