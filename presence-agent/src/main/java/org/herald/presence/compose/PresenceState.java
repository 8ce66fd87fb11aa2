package org.herald.presence.compose;

import java.util.Objects;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.sip.event.EventState;

/** The parsed body of one presence publication: what the framework keeps and composers read. */
public record PresenceState(PresenceDocument document) implements EventState {

    public PresenceState {
        Objects.requireNonNull(document, "document");
    }
}
