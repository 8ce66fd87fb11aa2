package org.herald.presence.pidf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.herald.presence.xml.XmlFragment;
import org.herald.presence.xml.XmlText;

/**
 * Serializes a {@link PresenceDocument} as UTF-8 PIDF: an XML declaration, {@code <presence>} with PIDF
 * as the default namespace and the {@code dm}, {@code rpid}, {@code c} and {@code ts} prefixes declared
 * there when the document uses them, tuple children in the schema's order (status, typed and verbatim
 * extensions, contact, notes, timestamp), then document notes, persons, devices and document
 * extensions. Fragments are written verbatim; they carry their own namespace declarations. Compact:
 * one line per child of {@code <presence>} and no indentation, because NOTIFYs often travel over UDP
 * where every byte counts. Times are written in UTC.
 */
public final class PidfWriter {
    private PidfWriter() {}

    public static byte[] write(PresenceDocument document) {
        return toXml(document).getBytes(StandardCharsets.UTF_8);
    }

    public static String toXml(PresenceDocument document) {
        StringBuilder out = new StringBuilder(512);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence xmlns=\"")
                .append(PresenceDocument.NAMESPACE).append('"');
        declarations(out, document);
        XmlText.attribute(out.append(" entity=\""), document.entity()).append("\">\n");
        for (Tuple tuple : document.tuples()) {
            tuple(out, tuple);
            out.append('\n');
        }
        for (Note note : document.notes()) {
            note(out, "note", note);
            out.append('\n');
        }
        for (Person person : document.persons()) {
            DataModelWriter.person(out, person);
            out.append('\n');
        }
        for (Device device : document.devices()) {
            DataModelWriter.device(out, device);
            out.append('\n');
        }
        for (XmlFragment fragment : document.extensions()) {
            out.append(fragment.xml()).append('\n');
        }
        return out.append("</presence>\n").toString();
    }

    /** Declares on the root only the prefixes the typed parts use; plain PIDF stays as small as before. */
    private static void declarations(StringBuilder out, PresenceDocument d) {
        boolean dm = !d.persons().isEmpty() || !d.devices().isEmpty();
        boolean rpid = false;
        boolean cipid = false;
        boolean ts = false;
        for (Tuple t : d.tuples()) {
            dm |= !t.deviceIds().isEmpty();
            rpid |= !t.rpid().isEmpty();
            cipid |= !t.cipid().isEmpty();
            ts |= !t.timedStatuses().isEmpty();
        }
        for (Person p : d.persons()) {
            rpid |= !p.rpid().isEmpty();
            cipid |= !p.cipid().isEmpty();
        }
        for (Device v : d.devices()) {
            rpid |= !v.rpid().isEmpty();
            cipid |= !v.cipid().isEmpty();
        }
        if (dm) declare(out, DataModelWriter.DM, PresenceDocument.DATA_MODEL);
        if (rpid) declare(out, RpidWriter.PREFIX, Rpid.NAMESPACE);
        if (cipid) declare(out, DataModelWriter.CIPID, Cipid.NAMESPACE);
        if (ts) declare(out, DataModelWriter.TS, TimedStatus.NAMESPACE);
    }

    private static void declare(StringBuilder out, String prefix, String namespace) {
        out.append(" xmlns:").append(prefix).append("=\"").append(namespace).append('"');
    }

    private static void tuple(StringBuilder out, Tuple tuple) {
        XmlText.attribute(out.append("<tuple id=\""), tuple.id()).append("\"><status>");
        if (tuple.status().basic() != null) {
            out.append("<basic>").append(tuple.status().basic().token()).append("</basic>");
        }
        fragments(out, tuple.status().extensions());
        out.append("</status>");
        DataModelWriter.tupleExtensions(out, tuple);
        Contact contact = tuple.contact();
        if (contact != null) {
            out.append("<contact");
            if (contact.priority() != null) out.append(" priority=\"").append(contact.priority()).append('"');
            XmlText.text(out.append('>'), contact.uri()).append("</contact>");
        }
        for (Note note : tuple.notes()) note(out, "note", note);
        if (tuple.timestamp() != null) {
            out.append("<timestamp>").append(XsDateTime.format(tuple.timestamp())).append("</timestamp>");
        }
        out.append("</tuple>");
    }

    /** A note-like element named {@code qname}: its text and {@code xml:lang}. */
    static void note(StringBuilder out, String qname, Note note) {
        out.append('<').append(qname);
        if (note.lang() != null) XmlText.attribute(out.append(" xml:lang=\""), note.lang()).append('"');
        XmlText.text(out.append('>'), note.text()).append("</").append(qname).append('>');
    }

    private static void fragments(StringBuilder out, List<XmlFragment> fragments) {
        for (XmlFragment f : fragments) out.append(f.xml());
    }
}
