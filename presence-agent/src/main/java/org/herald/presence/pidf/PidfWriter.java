package org.herald.presence.pidf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.herald.presence.xml.XmlFragment;
import org.herald.presence.xml.XmlText;

/**
 * Serializes a {@link PresenceDocument} as UTF-8 PIDF: an XML declaration, {@code <presence>} with
 * PIDF as the default namespace, tuple children in the schema's order (status, extensions, contact,
 * notes, timestamp), then document notes, then document extensions. Fragments are written verbatim;
 * they carry their own namespace declarations. Compact: one line per child of {@code <presence>} and
 * no indentation, because NOTIFYs often travel over UDP where every byte counts. Timestamps are
 * written in UTC.
 */
public final class PidfWriter {
    private PidfWriter() {}

    public static byte[] write(PresenceDocument document) {
        return toXml(document).getBytes(StandardCharsets.UTF_8);
    }

    public static String toXml(PresenceDocument document) {
        StringBuilder out = new StringBuilder(512);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence xmlns=\"")
                .append(PresenceDocument.NAMESPACE).append("\" entity=\"");
        XmlText.attribute(out, document.entity()).append("\">\n");
        for (Tuple tuple : document.tuples()) {
            tuple(out, tuple);
            out.append('\n');
        }
        for (Note note : document.notes()) {
            note(out, note);
            out.append('\n');
        }
        for (XmlFragment fragment : document.extensions()) {
            out.append(fragment.xml()).append('\n');
        }
        return out.append("</presence>\n").toString();
    }

    private static void tuple(StringBuilder out, Tuple tuple) {
        XmlText.attribute(out.append("<tuple id=\""), tuple.id()).append("\"><status>");
        if (tuple.status().basic() != null) {
            out.append("<basic>").append(tuple.status().basic().token()).append("</basic>");
        }
        fragments(out, tuple.status().extensions());
        out.append("</status>");
        fragments(out, tuple.extensions());
        Contact contact = tuple.contact();
        if (contact != null) {
            out.append("<contact");
            if (contact.priority() != null) out.append(" priority=\"").append(contact.priority()).append('"');
            XmlText.text(out.append('>'), contact.uri()).append("</contact>");
        }
        for (Note note : tuple.notes()) note(out, note);
        if (tuple.timestamp() != null) {
            out.append("<timestamp>").append(timestamp(tuple.timestamp())).append("</timestamp>");
        }
        out.append("</tuple>");
    }

    private static void note(StringBuilder out, Note note) {
        out.append("<note");
        if (note.lang() != null) XmlText.attribute(out.append(" xml:lang=\""), note.lang()).append('"');
        XmlText.text(out.append('>'), note.text()).append("</note>");
    }

    private static void fragments(StringBuilder out, List<XmlFragment> fragments) {
        for (XmlFragment f : fragments) out.append(f.xml());
    }

    /** ISO-8601 in UTC, which is an xs:dateTime except for years past 9999 that Instant signs with '+'. */
    private static String timestamp(Instant instant) {
        String s = instant.toString();
        return s.charAt(0) == '+' ? s.substring(1) : s;
    }
}
