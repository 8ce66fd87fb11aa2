package org.herald.sip.publish;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.herald.sip.Handling;
import org.herald.sip.StripedLocks;
import org.herald.sip.event.EventPackage;
import org.herald.sip.event.EventPackages;
import org.herald.sip.event.EventState;
import org.herald.sip.event.InvalidBodyException;
import org.herald.sip.event.PartialState;
import org.herald.sip.event.PublicationHandler;
import org.herald.sip.event.PublishedState;
import org.herald.sip.event.ResourceChangeListener;
import org.herald.sip.message.Aor;
import org.herald.sip.message.MediaType;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.SipResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event state compositor's PUBLISH processing (RFC 3903 §6). Live publications are indexed in
 * memory by resource; the store holds them durably and is written before the 200 goes out.
 */
public final class PublicationService {
    private static final Logger log = LoggerFactory.getLogger(PublicationService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record ResourceKey(String event, Aor resource) {}

    private final EventPackages packages;
    private final PublicationStore store;
    private final PublicationPolicy policy;
    private final InstantSource clock;
    private final ResourceChangeListener listener;
    private final StripedLocks locks = new StripedLocks(256);
    private final Map<String, PublishedState> byEntityTag = new ConcurrentHashMap<>();
    private final Map<ResourceKey, List<PublishedState>> byResource = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public PublicationService(EventPackages packages, PublicationStore store, PublicationPolicy policy,
                              InstantSource clock, ResourceChangeListener listener) {
        this.packages = packages;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.listener = listener;
    }

    /** Loads stored publications into memory and composes every resource; call once at start-up. */
    public void load() {
        Instant now = clock.instant();
        int loaded = 0;
        for (Publication p : store.all()) {
            Optional<PublicationHandler> handler = packages.find(p.event()).flatMap(EventPackage::publications);
            if (handler.isEmpty() || !p.expiresAt().isAfter(now)) {
                store.remove(p.id());
                continue;
            }
            try {
                EventState state = handler.get().parse(MediaType.of(p.contentType()), p.body());
                index(new PublishedState(p, state));
                loaded++;
            } catch (InvalidBodyException | IllegalArgumentException e) {
                log.warn("dropping stored publication {} that no longer parses: {}", p.id(), e.getMessage());
                store.remove(p.id());
            }
        }
        byResource.forEach((key, live) -> packages.find(key.event()).flatMap(EventPackage::publications)
                .ifPresent(h -> locks.withLock(key.resource(), () -> h.changed(key.resource(), sorted(live)))));
        log.info("loaded {} publications", loaded);
    }

    public Handling publish(SipRequest request) {
        String event = request.event().map(e -> e.value()).orElse("");
        Optional<EventPackage> pkg = packages.find(event).filter(p -> p.publications().isPresent());
        if (pkg.isEmpty()) {
            return Handling.reply(SipResponse.of(489).withHeader("Allow-Events", packages.allowEvents()));
        }
        PublicationHandler handler = pkg.get().publications().orElseThrow();
        OptionalInt expiresHeader = request.expires();
        if (request.header("Expires").isPresent() && expiresHeader.isEmpty()) {
            return Handling.reply(SipResponse.of(400, "Bad Expires"));
        }
        int expires = expiresHeader.orElse(policy.defaultExpires());
        if (expires > 0 && expires < policy.minExpires()) {
            return Handling.reply(SipResponse.of(423).withHeader("Min-Expires", policy.minExpires()));
        }
        expires = Math.min(expires, policy.maxExpires());

        EventState parsed = null;
        if (request.body().length > handler.maxBodySize()) {
            return Handling.reply(SipResponse.of(413).withWarning("herald",
                    "the body is larger than " + handler.maxBodySize() + " bytes"));
        }
        if (request.hasBody()) {
            MediaType type = request.contentType().orElse(null);
            if (type == null || handler.types().stream().noneMatch(t -> t.equals(type))) {
                return Handling.reply(SipResponse.of(415).withHeader("Accept", join(handler.types())));
            }
            try {
                parsed = handler.parse(type, request.body());
            } catch (InvalidBodyException e) {
                return Handling.reply(SipResponse.of(400, "Invalid " + event + " document")
                        .withWarning("herald", e.getMessage()));
            }
        }
        Aor resource = request.requestAor();
        String ifMatch = request.header("SIP-If-Match").map(String::trim).orElse(null);
        EventState state = parsed;
        int lifetime = expires;
        return locks.withLock(resource, () -> apply(pkg.get(), handler, request, resource, ifMatch, state, lifetime));
    }

    private Handling apply(EventPackage pkg, PublicationHandler handler, SipRequest request, Aor resource,
                           String ifMatch, EventState parsed, int expires) {
        Instant now = clock.instant();
        PublishedState previous = null;
        if (ifMatch != null) {
            previous = byEntityTag.get(ifMatch);
            if (previous == null || !previous.publication().resource().equals(resource)
                    || !previous.publication().event().equals(pkg.name())
                    || !previous.publication().expiresAt().isAfter(now)) {
                return Handling.reply(412);
            }
        } else if (parsed == null) {
            return Handling.reply(SipResponse.of(400, "Initial PUBLISH needs a body"));
        }
        String contentType = request.contentType().map(MediaType::toString).orElse(null);
        byte[] body = request.body();
        if (parsed instanceof PartialState partial) { // RFC 5264: a change to the publication in SIP-If-Match
            if (previous == null) {
                return Handling.reply(SipResponse.of(400, "Partial publication needs SIP-If-Match")
                        .withWarning("herald", "the initial publication must carry full state"));
            }
            try {
                PartialState.Full full = partial.applyTo(previous);
                parsed = full.state();
                contentType = full.contentType();
                body = full.body();
            } catch (InvalidBodyException e) {
                return Handling.reply(SipResponse.of(400, "Patch does not apply").withWarning("herald", e.getMessage()));
            }
        }
        String etag = newTag();
        if (expires == 0) {
            if (previous != null) {
                store.remove(previous.publication().id());
                unindex(previous);
                PublishedState removed = previous;
                return new Handling.Reply(ok(etag, 0), () -> changed(pkg, handler, removed.publication().resource()));
            }
            return Handling.reply(ok(etag, 0));
        }
        Instant expiresAt = now.plusSeconds(expires);
        long seq = nextSequence(now);
        Publication next;
        EventState nextState;
        if (previous == null) {
            next = new Publication(newTag(), etag, pkg.name(), resource, contentType, body, expiresAt, now, seq);
            nextState = parsed;
        } else if (parsed == null) { // refresh: the state stays, only the tag and lifetime move
            next = previous.publication().withEntityTag(etag, expiresAt, previous.publication().modifiedAt(),
                    previous.publication().sequence());
            nextState = previous.state();
        } else {
            next = previous.publication().withBody(contentType, body).withEntityTag(etag, expiresAt, now, seq);
            nextState = parsed;
        }
        store.save(next);
        if (previous != null) unindex(previous);
        index(new PublishedState(next, nextState));
        SipResponse ok = ok(etag, expires);
        if (parsed == null) return Handling.reply(ok);
        return new Handling.Reply(ok, () -> changed(pkg, handler, resource));
    }

    /** Removes publications whose lifetime ended (RFC 3903 §6: the ESC expires them). */
    public int expire() {
        Instant now = clock.instant();
        List<PublishedState> expired = byEntityTag.values().stream()
                .filter(p -> !p.publication().expiresAt().isAfter(now)).toList();
        for (PublishedState p : expired) {
            Publication pub = p.publication();
            locks.withLock(pub.resource(), () -> {
                if (byEntityTag.get(pub.entityTag()) != p) return;
                store.remove(pub.id());
                unindex(p);
                packages.find(pub.event()).ifPresent(pkg ->
                        pkg.publications().ifPresent(h -> changed(pkg, h, pub.resource())));
            });
        }
        return expired.size();
    }

    /** Live publications of a resource, oldest first. */
    public List<PublishedState> live(String event, Aor resource) {
        return sorted(byResource.getOrDefault(new ResourceKey(event, resource), List.of()));
    }

    public int count() {
        return byEntityTag.size();
    }

    /**
     * Composes a resource again though none of its publications changed, because something else its
     * package composes with did (e.g. permanent state written over XCAP), and notifies if that changed it.
     */
    public void recompose(String event, Aor resource) {
        packages.find(event).ifPresent(pkg -> pkg.publications().ifPresent(h -> changed(pkg, h, resource)));
    }

    private void changed(EventPackage pkg, PublicationHandler handler, Aor resource) {
        if (locks.withLock(resource, () -> handler.changed(resource, live(pkg.name(), resource)))) {
            listener.changed(pkg, resource);
        }
    }

    private void index(PublishedState p) {
        byEntityTag.put(p.publication().entityTag(), p);
        byResource.compute(new ResourceKey(p.publication().event(), p.publication().resource()), (k, list) -> {
            List<PublishedState> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
            next.add(p);
            return List.copyOf(next);
        });
    }

    private void unindex(PublishedState p) {
        byEntityTag.remove(p.publication().entityTag());
        byResource.computeIfPresent(new ResourceKey(p.publication().event(), p.publication().resource()), (k, list) -> {
            List<PublishedState> next = list.stream().filter(x -> x != p).toList();
            return next.isEmpty() ? null : next;
        });
    }

    private static List<PublishedState> sorted(List<PublishedState> live) {
        return live.stream().sorted(Comparator.comparingLong(p -> p.publication().sequence())).toList();
    }

    private long nextSequence(Instant now) {
        long floor = now.toEpochMilli() * 1000;
        return sequence.updateAndGet(prev -> Math.max(prev + 1, floor));
    }

    private static SipResponse ok(String etag, int expires) {
        return SipResponse.of(200).withHeader("SIP-ETag", etag).withHeader("Expires", expires);
    }

    private static String newTag() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String join(List<MediaType> types) {
        return String.join(", ", types.stream().map(MediaType::toString).toList());
    }
}
