package org.herald.presence.filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.event.BodyCheck;
import org.herald.sip.event.SubscribeBody;
import org.herald.sip.event.Subscription;
import org.herald.sip.message.Aor;
import org.herald.sip.message.SipResponse;

/**
 * Watcher filters (RFC 4660) for one event package: checks the filter sets subscribers send, keeps
 * them compiled (once per distinct document, so every subscription sending the same filter shares
 * it, and again only after a restart), and turns each watcher's view into what its filters let
 * through. Per subscription it remembers the view at the last evaluation, for triggers, and the body
 * sent last, which it returns unchanged when no trigger fires: the notifier sends no NOTIFY for a
 * body its watcher already has.
 */
public final class WatcherFilters {
    private static final int MAX_COMPILED = 1024;

    private final FilterParser parser;
    private final XmlLimits viewLimits;
    private final Map<SubscribeBody, FilterSet> compiled = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SubscribeBody, FilterSet> eldest) {
            return size() > MAX_COMPILED;
        }
    });
    private final Map<String, Memory> memory = new ConcurrentHashMap<>();

    /** What one subscription's last evaluation saw and sent. */
    private record Memory(Snapshot view, byte[] sent, long remoteCseq) {}

    /**
     * @param eventPackage the package whose filters these are ({@code presence})
     * @param viewLimits   limits for parsing the watcher's view (the package's own bodies)
     */
    public WatcherFilters(String eventPackage, XmlLimits viewLimits) {
        this.parser = new FilterParser(eventPackage);
        this.viewLimits = viewLimits;
    }

    /** RFC 4660 §4.3: 415 for another body type, 400 for a malformed filter set, 488 for one not honoured. */
    public BodyCheck check(SubscribeBody body) {
        String type = body.contentType() == null ? "" : body.contentType().split(";")[0].trim();
        if (!type.equalsIgnoreCase(FilterSet.CONTENT_TYPE)) {
            return new BodyCheck.Reject(SipResponse.of(415).withHeader("Accept", FilterSet.CONTENT_TYPE));
        }
        try {
            compiled.put(body, parser.parse(body.content()));
            return BodyCheck.KEEP;
        } catch (FilterException e) {
            SipResponse r = e.kind() == FilterException.Kind.MALFORMED ? SipResponse.of(400, "Bad Filter") : SipResponse.of(488);
            return new BodyCheck.Reject(r.withWarning("herald", e.getMessage()));
        }
    }

    /** Whether the subscription has filters that apply to its resource. */
    public boolean filters(Subscription s) {
        return !applicable(s).isEmpty();
    }

    /**
     * The body this watcher's next NOTIFY carries, given its view after privacy rules. The NOTIFY
     * answering a SUBSCRIBE (initial or refresh) gets what the filters select whatever the triggers.
     */
    public byte[] render(Subscription s, byte[] view) {
        List<Filter> filters = applicable(s);
        if (filters.isEmpty()) return view;
        Snapshot current = Snapshot.of(view, viewLimits);
        Memory last = memory.get(s.id());
        boolean answersSubscribe = last == null || last.remoteCseq() != s.dialog().remoteCseq();
        byte[] body = switch (Filtering.apply(filters, answersSubscribe ? null : last.view(), current)) {
            case Filtering.Outcome.Send send -> send.body();
            case Filtering.Outcome.Quiet quiet -> last.sent();
        };
        memory.put(s.id(), new Memory(current, body, s.dialog().remoteCseq()));
        return body;
    }

    /** What the filters select in the view now, triggers aside, with no side effect (for entity tags). */
    public byte[] selected(Subscription s, byte[] view) {
        List<Filter> filters = applicable(s);
        return filters.isEmpty() ? view : Filtering.select(filters, Snapshot.of(view, viewLimits));
    }

    /** The subscription ended: its memory goes. */
    public void forget(String subscriptionId) {
        memory.remove(subscriptionId);
    }

    /** The subscription's next NOTIFY must not rely on triggers (its last one was not taken). */
    public void reset(String subscriptionId) {
        memory.remove(subscriptionId);
    }

    private List<Filter> applicable(Subscription s) {
        if (s.body().isEmpty()) return List.of();
        FilterSet set = compiled.get(s.body());
        if (set == null) {
            try {
                set = parser.parse(s.body().content());
            } catch (FilterException e) {
                return List.of(); // accepted when it arrived; a later Herald that refuses it sends unfiltered state
            }
            compiled.put(s.body(), set);
        }
        return set.forResource(uri -> sameResource(uri, s.resource()));
    }

    private static boolean sameResource(String uri, Aor resource) {
        try {
            return Aor.parse(uri).equals(resource);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
