package org.herald.server.presence;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.herald.presence.PresenceAuthorization;
import org.herald.presence.PresencePackage;
import org.herald.presence.compose.Composers;
import org.herald.presence.compose.CompositionPolicy;
import org.herald.presence.compose.Freshness;
import org.herald.presence.compose.PublicationSource;
import org.herald.presence.compose.store.mongo.MongoPolicyStore;
import org.herald.presence.privacy.Permissions;
import org.herald.presence.privacy.PrivacyDefaults;
import org.herald.presence.privacy.SubHandling;
import org.herald.presence.reginfo.RegEventPackage;
import org.herald.presence.registration.DerivedDomains;
import org.herald.presence.registration.RegistrationPresence;
import org.herald.presence.winfo.DelegatesList;
import org.herald.presence.winfo.WatcherInfoAccess;
import org.herald.presence.winfo.WatcherInfoPackage;
import org.herald.presence.xcap.ApplicationUsages;
import org.herald.presence.xcap.XcapLimits;
import org.herald.presence.xcap.XcapService;
import org.herald.presence.xcap.store.DocumentKey;
import org.herald.presence.xcap.store.XcapDocument;
import org.herald.presence.xcap.store.XcapDocumentStore;
import org.herald.presence.xcap.store.mongo.MongoXcapDocumentStore;
import org.herald.server.config.HeraldConfig;
import org.herald.server.http.CompositionPolicyHttp;
import org.herald.server.http.HttpRoute;
import org.herald.server.http.XcapHttp;
import org.herald.sip.auth.Authenticator;
import org.herald.sip.event.EventPackage;
import org.herald.sip.event.InvalidBodyException;
import org.herald.sip.event.SubscriptionService;
import org.herald.sip.message.Aor;
import org.herald.sip.publish.PublicationService;
import org.herald.sip.registrar.BindingStore;
import org.herald.sip.registrar.Registration;
import org.herald.store.mongo.DocumentDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence agent's parts wired to each other: the presence, presence.winfo and reg packages,
 * composition policies, privacy rules and registration-derived presence, and the XCAP server whose
 * documents feed them — pres-rules into authorization (live subscriptions re-decided at once),
 * pidf-manipulation into composition as permanent state.
 */
public final class PresenceAgent {
    private static final Logger log = LoggerFactory.getLogger(PresenceAgent.class);
    private static final String RULES_DOCUMENT = "index";

    private final PresencePackage presence;
    private final WatcherInfoPackage winfo;
    private final RegEventPackage reg;
    private final RegistrationPresence derived;
    private final Composers composers;
    private final PresenceAuthorization authorization;
    private final XcapDocumentStore documents;
    private final XcapService xcap;
    /** Limits for reading rls-services and resource-lists documents into list services. */
    private final org.herald.presence.xml.XmlLimits listLimits;
    /** Presentities with permanent state read at start, composed once publications are loaded (one scan, not two). */
    private final List<Aor> permanentAtStart = new java.util.ArrayList<>();
    private SubscriptionService subscriptions;
    private PublicationService publications;

    public PresenceAgent(HeraldConfig.Presence config, DocumentDatabase db, BindingStore bindings, InstantSource clock) {
        composers = new Composers(new MongoPolicyStore(db), CompositionPolicy.parse(config.composition()),
                new Freshness(clock, config.staleAfter() > 0 ? java.time.Duration.ofSeconds(config.staleAfter()) : null),
                PublicationSource.DOCUMENT);
        presence = new PresencePackage(composers, config.maxBodySize());
        presence.limitNotifyRate(PresencePackage.DEFAULT_MIN_NOTIFY_INTERVAL);
        documents = new MongoXcapDocumentStore(db);
        authorization = new PresenceAuthorization(this::presRules, privacyDefaults(config.privacy()),
                permissions(config.privacy().withoutRules()), clock);
        presence.authorizeWith(authorization, this::reauthorize);
        derived = new RegistrationPresence(DerivedDomains.of(config.registrationDerivedDomains()), bindings::find, clock);
        presence.deriveFromRegistrations(derived);
        winfo = new WatcherInfoPackage(clock, WatcherInfoAccess.presentityOnly().or(
                new DelegatesList(this::resourceLists, XcapLimits.of(config.xcap().maxDocumentSize()).xml())), WatcherInfoPackage.DEFAULT_KEEP_WAITING);
        reg = new RegEventPackage(bindings::find, clock);
        xcap = new XcapService(documents, this::xcapChanged, XcapLimits.of(config.xcap().maxDocumentSize()), clock);
        for (XcapDocument d : documents.ofApplication(ApplicationUsages.PIDF_MANIPULATION)) {
            permanentState(d.key());
            if (!d.key().isGlobal()) permanentAtStart.add(Aor.parse(d.key().xui()));
        }
        listLimits = XcapLimits.of(config.xcap().maxDocumentSize()).xml();
        reloadLists();
    }

    /** Rebuilds the resource list services (RFC 4662) from every user's rls-services document; returns the URIs before and after. */
    private java.util.Set<Aor> reloadLists() {
        java.util.Set<Aor> uris = new java.util.HashSet<>(presence.lists().uris());
        java.util.Map<String, byte[]> services = new java.util.HashMap<>();
        for (XcapDocument d : documents.ofApplication(ApplicationUsages.RLS_SERVICES)) {
            if (!d.key().isGlobal() && RULES_DOCUMENT.equals(d.key().name())) services.put(d.key().xui(), d.body());
        }
        presence.lists().reload(services, key -> documents.find(key).map(XcapDocument::body), listLimits);
        uris.addAll(presence.lists().uris());
        return uris;
    }

    public List<EventPackage> packages() {
        return List.of(presence, winfo, reg);
    }

    /** For the registrar: the reg package and registration-derived presence follow every binding change. */
    public void registrationChanged(Registration next) {
        reg.registrationChanged(next);
        derived.registrationChanged(next);
    }

    /** Call once the stored publications and subscriptions are loaded. */
    public void attach(SubscriptionService subscriptions, PublicationService publications) {
        this.subscriptions = subscriptions;
        this.publications = publications;
        winfo.attach(subscriptions);
        reg.attach(subscriptions);
        derived.attach(presence, subscriptions);
        // presentities with permanent state and no publication were not composed by the publications' load
        for (Aor presentity : permanentAtStart) publications.recompose(PresencePackage.NAME, presentity);
        permanentAtStart.clear();
    }

    /** XCAP at {@code /xcap-root} and the per-presentity composition policy, both authenticated as the SIP users. */
    public List<HttpRoute> httpRoutes(Authenticator authenticator, String defaultDomain) {
        var routes = new java.util.ArrayList<>(XcapHttp.routes(xcap, authenticator, defaultDomain));
        routes.addAll(CompositionPolicyHttp.routes(composers, authenticator, presentity -> {
            if (publications != null) publications.recompose(PresencePackage.NAME, presentity);
        }));
        return routes;
    }

    /** Housekeeping, every second: rules whose validity interval began or ended are applied to live watchers. */
    public void tick(java.time.Instant now) {
        for (Aor presentity : authorization.validityChanged(now)) reauthorize(presentity);
    }

    private void reauthorize(Aor presentity) {
        if (subscriptions != null) subscriptions.reauthorize(presence, presentity);
    }

    private void xcapChanged(String auid, String xui, String documentName) {
        if (!xui.startsWith("sip:") || !RULES_DOCUMENT.equals(documentName)) return;
        Aor presentity = Aor.parse(xui);
        switch (auid) {
            case ApplicationUsages.PRES_RULES -> {
                authorization.rulesChanged(presentity);
                reauthorize(presentity);
            }
            case ApplicationUsages.RESOURCE_LISTS -> {
                if (subscriptions != null) subscriptions.reauthorize(winfo, presentity); // its winfo delegates
                listsChanged();
            }
            case ApplicationUsages.RLS_SERVICES -> listsChanged();
            case ApplicationUsages.PIDF_MANIPULATION -> {
                permanentState(DocumentKey.user(auid, xui, documentName));
                if (publications != null) publications.recompose(PresencePackage.NAME, presentity);
            }
            default -> { }
        }
    }

    /** A user's rls-services or resource-lists document changed: list subscriptions follow their new members. */
    private void listsChanged() {
        for (Aor uri : reloadLists()) {
            if (subscriptions == null) continue;
            if (presence.lists().find(uri).isPresent()) {
                subscriptions.membersChanged(presence, uri);
            } else { // the service is gone: its subscriptions end (RFC 6665 noresource)
                for (var s : subscriptions.all()) {
                    if (s.resource().equals(uri) && s.event().equals(PresencePackage.NAME)) {
                        subscriptions.terminate(s.id(), org.herald.sip.event.TerminationReason.NORESOURCE);
                    }
                }
            }
        }
    }

    private void permanentState(DocumentKey key) {
        if (!RULES_DOCUMENT.equals(key.name())) return;
        try {
            presence.permanentState(Aor.parse(key.xui()), documents.find(key).map(XcapDocument::body));
        } catch (InvalidBodyException | IllegalArgumentException e) {
            // XCAP validated it as PIDF; one Herald's presence parser refuses is kept but not composed
            log.warn("permanent state {} not composed: {}", key, e.getMessage());
        }
    }

    private Optional<byte[]> resourceLists(Aor presentity) {
        return documents.find(DocumentKey.user(ApplicationUsages.RESOURCE_LISTS, presentity.uri(), RULES_DOCUMENT))
                .map(XcapDocument::body);
    }

    private Optional<byte[]> presRules(Aor presentity) {
        return documents.find(DocumentKey.user(ApplicationUsages.PRES_RULES, presentity.uri(), RULES_DOCUMENT))
                .map(XcapDocument::body);
    }

    private static PrivacyDefaults privacyDefaults(HeraldConfig.Privacy privacy) {
        return PrivacyDefaults.DEFAULT.withOthers(permissions(privacy.unmatched()))
                .withAnonymous(permissions(privacy.anonymous()));
    }

    private static Permissions permissions(String handling) {
        SubHandling h = SubHandling.parse(handling);
        if (h == null) throw new IllegalArgumentException("presence.privacy: '" + handling + "' is not allow, confirm, polite-block or block");
        return h == SubHandling.ALLOW ? Permissions.ALLOW_ALL : Permissions.of(h);
    }
}
