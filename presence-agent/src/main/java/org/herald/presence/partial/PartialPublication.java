package org.herald.presence.partial;

import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import org.herald.presence.xml.SafeDom;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.event.EventState;
import org.herald.sip.event.InvalidBodyException;
import org.herald.sip.event.PartialState;
import org.herald.sip.event.PublishedState;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Partial publication of presence (RFC 5264): a PUBLISH of {@code application/pidf-diff+xml} carries
 * either full state ({@code <pidf-full>}, read as the PIDF document it wraps) or RFC 5261 operations
 * ({@code <pidf-diff>}) against the publication named by SIP-If-Match, applied atomically by the
 * publication framework through {@link PartialState}.
 */
public final class PartialPublication {
    private static final String PIDF_NS = "urn:ietf:params:xml:ns:pidf";

    private PartialPublication() {}

    /** What a pidf-diff body is: full state as PIDF bytes, or a patch. */
    public sealed interface Body {
        record Full(byte[] pidf) implements Body {}

        record Patch(Element operations) implements Body {}
    }

    public static Body read(byte[] body, XmlLimits limits) throws InvalidBodyException {
        Document doc;
        try {
            doc = SafeDom.parse(body, limits);
        } catch (XMLStreamException e) {
            throw new InvalidBodyException("not well-formed XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!PidfDiffWriter.NS.equals(root.getNamespaceURI())) {
            throw new InvalidBodyException("the root of application/pidf-diff+xml must be pidf-full or pidf-diff");
        }
        return switch (root.getLocalName()) {
            case "pidf-full" -> new Body.Full(asPresence(root));
            case "pidf-diff" -> new Body.Patch(root);
            default -> throw new InvalidBodyException("unknown root " + root.getLocalName());
        };
    }

    /** The {@code <pidf-full>} document as the {@code <presence>} document it holds (version dropped). */
    static byte[] asPresence(Element root) {
        String prefix = null;
        for (Attr a : SafeDom.attributes(root)) {
            if (a.getName().equals("xmlns") && PIDF_NS.equals(a.getValue())) prefix = "";
            else if (prefix == null && a.getName().startsWith("xmlns:") && PIDF_NS.equals(a.getValue())) prefix = a.getName().substring(6);
        }
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        String name = prefix == null ? "presence" : prefix.isEmpty() ? "presence" : prefix + ":presence";
        out.append('<').append(name);
        if (prefix == null) out.append(" xmlns=\"").append(PIDF_NS).append('"');
        for (Attr a : SafeDom.attributes(root)) {
            if (a.getName().equals("version")) continue;
            out.append(' ').append(a.getName()).append("=\"").append(XmlOut.escapeAttribute(a.getValue())).append('"');
        }
        out.append('>');
        XmlOut.children(root, out);
        out.append("</").append(name).append(">\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A patch to apply to the previous publication.
     *
     * @param parse reads the patched PIDF into the package's state, validating it
     */
    public record Patch(Element operations, XmlLimits limits, String pidfType, PidfParse parse) implements PartialState {

        @Override
        public Full applyTo(PublishedState previous) throws InvalidBodyException {
            byte[] before = previous.publication().body();
            if (PartialNotifications.CONTENT_TYPE.equals(previous.publication().contentType())) {
                if (!(read(before, limits) instanceof Body.Full full)) throw new InvalidBodyException("the previous publication is not full state");
                before = full.pidf();
            }
            Document current;
            try {
                current = SafeDom.parse(before, limits);
            } catch (XMLStreamException e) {
                throw new InvalidBodyException("the previous publication does not parse: " + e.getMessage(), e);
            }
            Document patched;
            try {
                patched = XmlPatch.apply(current, operations);
            } catch (XmlPatch.PatchException e) {
                throw new InvalidBodyException(e.getMessage());
            }
            StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            XmlOut.element(patched.getDocumentElement(), out);
            out.append('\n');
            byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
            return new Full(pidfType, body, parse.apply(body));
        }
    }

    /** Parses PIDF into the package's state. */
    @FunctionalInterface
    public interface PidfParse {
        EventState apply(byte[] pidf) throws InvalidBodyException;
    }

}
