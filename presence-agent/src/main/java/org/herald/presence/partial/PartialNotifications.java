package org.herald.presence.partial;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLStreamException;
import org.herald.presence.xml.SafeDom;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.event.EntityTags;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.event.Subscription;
import org.herald.sip.message.MediaType;
import org.w3c.dom.Document;

/**
 * Partial notification of presence (RFC 5263) for watchers that accept
 * {@code application/pidf-diff+xml}: the first NOTIFY, the one answering a refresh, and any after a
 * NOTIFY that was not taken carry full state ({@code <pidf-full>}); the others carry what changed
 * since the last one taken ({@code <pidf-diff>}). The version is the NOTIFY's CSeq, which grows by one
 * per NOTIFY, so a watcher sees a gap when it missed one; a diff goes only when the last NOTIFY
 * taken had the version just before. The entity tag of every body is that of the full state it
 * amounts to, so an unchanged state makes no NOTIFY and RFC 5839 tags mean the same for all watchers.
 */
public final class PartialNotifications {
    public static final String CONTENT_TYPE = "application/pidf-diff+xml";
    private static final MediaType PIDF_DIFF = MediaType.of(CONTENT_TYPE);

    private final XmlLimits limits;
    /** The state each watcher has: the document of the last NOTIFY it took, and that NOTIFY's version. */
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /** What the last rendered NOTIFY would give each watcher, confirmed when it is taken. */
    private final Map<String, Known> pending = new ConcurrentHashMap<>();

    private record Known(Document document, long version, long remoteCseq) {}

    public PartialNotifications(XmlLimits limits) {
        this.limits = limits;
    }

    /** Whether the subscriber listed {@code application/pidf-diff+xml} in Accept. */
    public static boolean wanted(Subscription s) {
        for (String value : s.accept()) {
            for (String item : value.split(",")) {
                MediaType t = MediaType.parse(item.trim());
                if (t != null && t.equals(PIDF_DIFF)) return true;
            }
        }
        return false;
    }

    /**
     * The NOTIFY body for this watcher, whose view (after privacy rules and filters) is {@code pidf}.
     *
     * @param pidfType the content type of {@code pidf}, for its entity tag
     */
    public NotifyBody render(Subscription s, byte[] pidf, String pidfType) {
        Document now;
        try {
            now = SafeDom.parse(pidf, limits);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("a body Herald wrote does not parse: " + e.getMessage(), e);
        }
        long version = s.dialog().localCseq();
        long remoteCseq = s.dialog().remoteCseq();
        Known base = known.get(s.id());
        byte[] body = null;
        if (base != null && base.version() == version - 1 && base.remoteCseq() == remoteCseq) {
            Optional<java.util.List<PidfDiff.Op>> ops = PidfDiff.between(base.document(), now);
            if (ops.isPresent()) body = PidfDiffWriter.diff(now, version, ops.get());
        }
        if (body == null) body = PidfDiffWriter.full(now, version);
        pending.put(s.id(), new Known(now, version, remoteCseq));
        return new NotifyBody(CONTENT_TYPE, body, EntityTags.of(pidfType, pidf));
    }

    /** The NOTIFY was answered: taken, its state is the watcher's; not taken, the next one is full state. */
    public void notified(Subscription s, boolean accepted) {
        Known rendered = pending.remove(s.id());
        if (!accepted) {
            known.remove(s.id());
        } else if (rendered != null && rendered.version() == s.dialog().localCseq()) {
            known.put(s.id(), rendered);
        }
    }

    public void forget(String subscriptionId) {
        known.remove(subscriptionId);
        pending.remove(subscriptionId);
    }
}
