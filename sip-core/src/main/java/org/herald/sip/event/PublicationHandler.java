package org.herald.sip.event;

import java.util.List;
import org.herald.sip.message.Aor;
import org.herald.sip.message.MediaType;

/** The PUBLISH side of an event package (RFC 3903 §4: the event state compositor). */
public interface PublicationHandler {

    /** Body types PUBLISH accepts. */
    List<MediaType> types();

    /** The largest body accepted, in bytes; larger ones get 413. */
    default int maxBodySize() {
        return Integer.MAX_VALUE;
    }

    /** Validates and parses a PUBLISH body of an accepted type. */
    EventState parse(MediaType type, byte[] body) throws InvalidBodyException;

    /**
     * The resource's live publications changed (oldest first): recompose what {@code view} returns.
     *
     * @return whether the composed state differs, i.e. whether watchers need a NOTIFY
     */
    boolean changed(Aor resource, List<PublishedState> live);
}
