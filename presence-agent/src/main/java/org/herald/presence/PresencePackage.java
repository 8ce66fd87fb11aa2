package org.herald.presence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.presence.compose.Composer;
import org.herald.presence.compose.NewestPerTupleComposer;
import org.herald.presence.compose.PresenceState;
import org.herald.presence.pidf.PidfParser;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.event.EventPackage;
import org.herald.sip.event.EventState;
import org.herald.sip.event.InvalidBodyException;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.event.PublicationHandler;
import org.herald.sip.event.PublishedState;
import org.herald.sip.event.ResourceView;
import org.herald.sip.event.Subscription;
import org.herald.sip.message.Aor;
import org.herald.sip.message.MediaType;

/**
 * The {@code presence} event package (RFC 3856) with PUBLISH (RFC 3903) of PIDF (RFC 3863).
 *
 * <p>Work is done where it is cheapest: a PUBLISH body is parsed and validated once, when it
 * arrives; a presentity's publications are composed once per change into a {@link PresenceView}
 * holding the document and its bytes; a NOTIFY then costs no parsing, composing or serializing, for
 * any number of watchers. Views exist only for presentities with live publications; any other is
 * answered with a freshly made empty document, so unknown resources leave nothing behind.
 *
 * <p>Parameters: the {@link Composer} (default {@link NewestPerTupleComposer}) and the largest PUBLISH
 * body accepted, in bytes (default {@value #DEFAULT_MAX_BODY_BYTES}).
 */
public final class PresencePackage implements EventPackage, PublicationHandler {
    public static final String NAME = "presence";
    /** Sent exactly so: some phones reject a charset parameter on it. */
    public static final String CONTENT_TYPE = "application/pidf+xml";
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_EXPIRES = 3600;
    private static final MediaType PIDF = MediaType.of(CONTENT_TYPE);

    private final Composer composer;
    private final PidfParser parser;
    private final int maxBodyBytes;
    private final Map<Aor, PresenceView> views = new ConcurrentHashMap<>();

    public PresencePackage(Composer composer, int maxBodyBytes) {
        this.composer = composer;
        this.parser = new PidfParser(XmlLimits.ofMaxBytes(maxBodyBytes));
        this.maxBodyBytes = maxBodyBytes;
    }

    public PresencePackage() {
        this(new NewestPerTupleComposer(), DEFAULT_MAX_BODY_BYTES);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<MediaType> notifyTypes() {
        return List.of(PIDF);
    }

    @Override
    public int defaultExpires() {
        return DEFAULT_EXPIRES;
    }

    @Override
    public Optional<PublicationHandler> publications() {
        return Optional.of(this);
    }

    @Override
    public List<MediaType> types() {
        return List.of(PIDF);
    }

    @Override
    public int maxBodySize() {
        return maxBodyBytes;
    }

    @Override
    public EventState parse(MediaType type, byte[] body) throws InvalidBodyException {
        if (!PIDF.equals(type)) throw new InvalidBodyException("presence is published as " + CONTENT_TYPE + ", not " + type);
        return new PresenceState(parser.parse(body));
    }

    /**
     * Composes once and replaces the cached view; the framework calls it under the resource's lock.
     * A modification that composes to the same document (a client republishing what it had) is no change.
     */
    @Override
    public boolean changed(Aor resource, List<PublishedState> live) {
        PresenceView before = views.get(resource);
        if (live.isEmpty()) {
            views.remove(resource);
            return before != null;
        }
        PresenceView after = PresenceView.of(resource, composer.compose(resource, live));
        views.put(resource, after);
        return before == null || !before.document().equals(after.document());
    }

    @Override
    public ResourceView view(Aor resource) {
        PresenceView view = views.get(resource);
        return view != null ? view : PresenceView.of(resource, composer.compose(resource, List.of()));
    }

    /** The view's cached bytes, the same array for every watcher. */
    @Override
    public NotifyBody render(ResourceView view, Subscription subscription) {
        if (!(view instanceof PresenceView presence)) {
            throw new IllegalArgumentException("not a presence view: " + view);
        }
        return new NotifyBody(CONTENT_TYPE, presence.body());
    }
}
