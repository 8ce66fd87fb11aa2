package org.herald.presence.pidf;

import java.util.List;
import org.herald.presence.xml.XmlFragment;
import org.herald.presence.xml.XmlText;

/**
 * Writes RFC 4479 persons and devices, the typed extensions of tuples (device IDs, RPID, CIPID, timed
 * status) and CIPID values, with the prefixes {@link PidfWriter} declares on the root. Children follow
 * the data-model schema: extensions, then {@code deviceID}, notes and timestamp.
 */
final class DataModelWriter {
    static final String DM = "dm";
    static final String CIPID = "c";
    static final String TS = "ts";

    private DataModelWriter() {}

    static void person(StringBuilder out, Person person) {
        XmlText.attribute(out.append('<').append(DM).append(":person id=\""), person.id()).append("\">");
        RpidWriter.write(out, person.rpid());
        cipid(out, person.cipid());
        fragments(out, person.extensions());
        notesAndTimestamp(out, person.notes(), person.timestamp());
        out.append("</").append(DM).append(":person>");
    }

    static void device(StringBuilder out, Device device) {
        XmlText.attribute(out.append('<').append(DM).append(":device id=\""), device.id()).append("\">");
        RpidWriter.write(out, device.rpid());
        cipid(out, device.cipid());
        fragments(out, device.extensions());
        deviceId(out, device.deviceId());
        notesAndTimestamp(out, device.notes(), device.timestamp());
        out.append("</").append(DM).append(":device>");
    }

    /** What a tuple carries in its extension slot, between {@code <status>} and {@code <contact>}. */
    static void tupleExtensions(StringBuilder out, Tuple tuple) {
        for (String deviceId : tuple.deviceIds()) deviceId(out, deviceId);
        RpidWriter.write(out, tuple.rpid());
        cipid(out, tuple.cipid());
        for (TimedStatus t : tuple.timedStatuses()) timedStatus(out, t);
        fragments(out, tuple.extensions());
    }

    static void cipid(StringBuilder out, Cipid cipid) {
        if (cipid.isEmpty()) return;
        leaf(out, "card", cipid.card());
        for (Note name : cipid.displayNames()) PidfWriter.note(out, CIPID + ":display-name", name);
        leaf(out, "homepage", cipid.homepage());
        leaf(out, "icon", cipid.icon());
        leaf(out, "map", cipid.map());
        leaf(out, "sound", cipid.sound());
    }

    private static void timedStatus(StringBuilder out, TimedStatus t) {
        out.append('<').append(TS).append(":timed-status from=\"").append(XsDateTime.format(t.from())).append('"');
        if (t.until() != null) out.append(" until=\"").append(XsDateTime.format(t.until())).append('"');
        out.append('>');
        if (t.basic() != null) {
            out.append('<').append(TS).append(":basic>").append(t.basic().token()).append("</").append(TS).append(":basic>");
        }
        if (t.note() != null) PidfWriter.note(out, TS + ":note", t.note());
        fragments(out, t.extensions());
        out.append("</").append(TS).append(":timed-status>");
    }

    private static void deviceId(StringBuilder out, String deviceId) {
        XmlText.text(out.append('<').append(DM).append(":deviceID>"), deviceId).append("</").append(DM).append(":deviceID>");
    }

    private static void notesAndTimestamp(StringBuilder out, List<Note> notes, java.time.Instant timestamp) {
        for (Note note : notes) PidfWriter.note(out, DM + ":note", note);
        if (timestamp != null) {
            out.append('<').append(DM).append(":timestamp>").append(XsDateTime.format(timestamp))
                    .append("</").append(DM).append(":timestamp>");
        }
    }

    private static void leaf(StringBuilder out, String element, String text) {
        if (text == null) return;
        out.append('<').append(CIPID).append(':').append(element).append('>');
        XmlText.text(out, text).append("</").append(CIPID).append(':').append(element).append('>');
    }

    private static void fragments(StringBuilder out, List<XmlFragment> fragments) {
        for (XmlFragment f : fragments) out.append(f.xml());
    }
}
