package org.herald.presence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.herald.presence.compose.PresenceState;
import org.herald.presence.pidf.PidfParser;
import org.herald.sip.event.InvalidBodyException;
import org.herald.sip.event.PublishedState;
import org.herald.sip.message.Aor;
import org.herald.sip.publish.Publication;

/** Live publications for tests, as the publication framework would hand them over. */
public final class Publications {
    public static final Aor ALICE = Aor.parse("sip:alice@example.com");

    private Publications() {}

    /** A publication of {@code xml} for {@code resource} with the given sequence (larger is newer). */
    public static PublishedState published(Aor resource, long sequence, String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        Instant modified = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(sequence);
        Publication p = new Publication("pub-" + sequence, "etag-" + sequence, "presence", resource,
                "application/pidf+xml", body, modified.plusSeconds(3600), modified, sequence);
        try {
            return new PublishedState(p, new PresenceState(new PidfParser().parse(body)));
        } catch (InvalidBodyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public static PublishedState published(long sequence, String xml) {
        return published(ALICE, sequence, xml);
    }

    /** A PIDF document for alice with the given children of {@code <presence>}. */
    public static String pidf(String entity, String children) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\""
                + " xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\" xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\""
                + " entity=\"" + entity + "\">" + children + "</presence>";
    }

    public static String pidf(String children) {
        return pidf("pres:alice@example.com", children);
    }

    public static String tuple(String id, String basic, String contact) {
        return "<tuple id=\"" + id + "\"><status><basic>" + basic + "</basic></status><contact>" + contact
                + "</contact></tuple>";
    }
}
