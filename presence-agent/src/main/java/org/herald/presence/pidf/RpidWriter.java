package org.herald.presence.pidf;

import java.time.Instant;
import java.util.List;
import org.herald.presence.xml.XmlFragment;
import org.herald.presence.xml.XmlText;

/**
 * Writes RPID values (RFC 4480 §5) with the {@code rpid} prefix the document root declares, elements in
 * the schema's alphabetical order, each element's children in schema order: notes first, then values,
 * then extensions.
 */
final class RpidWriter {
    static final String PREFIX = "rpid";

    private RpidWriter() {}

    static void write(StringBuilder out, Rpid rpid) {
        if (rpid.isEmpty()) return;
        for (Activities a : rpid.activities()) {
            open(out, "activities", a.from(), a.until(), a.id());
            notes(out, a.notes());
            for (Activities.Activity v : a.values()) empty(out, v.token());
            for (Note other : a.others()) note(out, "other", other);
            fragments(out, a.extensions());
            close(out, "activities");
        }
        if (rpid.classValue() != null) leaf(out, "class", rpid.classValue());
        for (Mood m : rpid.moods()) {
            open(out, "mood", m.from(), m.until(), m.id());
            notes(out, m.notes());
            for (Mood.Feeling v : m.values()) empty(out, v.token());
            for (Note other : m.others()) note(out, "other", other);
            fragments(out, m.extensions());
            close(out, "mood");
        }
        for (PlaceIs p : rpid.placeIs()) {
            open(out, "place-is", p.from(), p.until(), p.id());
            notes(out, p.notes());
            if (p.audio() != null) wrapped(out, "audio", p.audio().token());
            if (p.video() != null) wrapped(out, "video", p.video().token());
            if (p.text() != null) wrapped(out, "text", p.text().token());
            fragments(out, p.extensions());
            close(out, "place-is");
        }
        for (PlaceType p : rpid.placeTypes()) {
            open(out, "place-type", p.from(), p.until(), p.id());
            notes(out, p.notes());
            if (p.other() != null) note(out, "other", p.other());
            fragments(out, p.types());
            close(out, "place-type");
        }
        for (Privacy p : rpid.privacy()) {
            open(out, "privacy", p.from(), p.until(), p.id());
            notes(out, p.notes());
            for (Privacy.Medium m : p.media()) empty(out, m.token());
            fragments(out, p.extensions());
            close(out, "privacy");
        }
        Relationship relationship = rpid.relationship();
        if (relationship != null) {
            open(out, "relationship", null, null, null);
            notes(out, relationship.notes());
            if (relationship.relation() != null) empty(out, relationship.relation().token());
            if (relationship.other() != null) note(out, "other", relationship.other());
            fragments(out, relationship.extensions());
            close(out, "relationship");
        }
        ServiceClass serviceClass = rpid.serviceClass();
        if (serviceClass != null) {
            open(out, "service-class", null, null, null);
            notes(out, serviceClass.notes());
            if (serviceClass.kind() != null) empty(out, serviceClass.kind().token());
            fragments(out, serviceClass.extensions());
            close(out, "service-class");
        }
        for (Sphere s : rpid.spheres()) {
            open(out, "sphere", s.from(), s.until(), s.id());
            if (s.kind() != null) empty(out, s.kind().token());
            if (s.text() != null) XmlText.text(out, s.text());
            fragments(out, s.extensions());
            close(out, "sphere");
        }
        for (StatusIcon icon : rpid.statusIcons()) {
            open(out, "status-icon", icon.from(), icon.until(), icon.id());
            XmlText.text(out, icon.uri());
            close(out, "status-icon");
        }
        for (TimeOffset t : rpid.timeOffsets()) {
            start(out, "time-offset", t.from(), t.until(), t.id());
            if (t.description() != null) XmlText.attribute(out.append(" description=\""), t.description()).append('"');
            out.append('>').append(t.minutes());
            close(out, "time-offset");
        }
        UserInput input = rpid.userInput();
        if (input != null) {
            start(out, "user-input", null, null, input.id());
            if (input.idleThreshold() != null) out.append(" idle-threshold=\"").append(input.idleThreshold()).append('"');
            if (input.lastInput() != null) {
                out.append(" last-input=\"").append(XsDateTime.format(input.lastInput())).append('"');
            }
            out.append('>').append(input.state().token());
            close(out, "user-input");
        }
    }

    private static void start(StringBuilder out, String element, Instant from, Instant until, String id) {
        out.append('<').append(PREFIX).append(':').append(element);
        if (id != null) XmlText.attribute(out.append(" id=\""), id).append('"');
        if (from != null) out.append(" from=\"").append(XsDateTime.format(from)).append('"');
        if (until != null) out.append(" until=\"").append(XsDateTime.format(until)).append('"');
    }

    private static void open(StringBuilder out, String element, Instant from, Instant until, String id) {
        start(out, element, from, until, id);
        out.append('>');
    }

    private static void close(StringBuilder out, String element) {
        out.append("</").append(PREFIX).append(':').append(element).append('>');
    }

    private static void empty(StringBuilder out, String element) {
        out.append('<').append(PREFIX).append(':').append(element).append("/>");
    }

    private static void wrapped(StringBuilder out, String element, String value) {
        out.append('<').append(PREFIX).append(':').append(element).append('>');
        empty(out, value);
        close(out, element);
    }

    private static void leaf(StringBuilder out, String element, String text) {
        out.append('<').append(PREFIX).append(':').append(element).append('>');
        XmlText.text(out, text);
        close(out, element);
    }

    private static void notes(StringBuilder out, List<Note> notes) {
        for (Note n : notes) note(out, "note", n);
    }

    private static void note(StringBuilder out, String element, Note note) {
        PidfWriter.note(out, PREFIX + ":" + element, note);
    }

    private static void fragments(StringBuilder out, List<XmlFragment> fragments) {
        for (XmlFragment f : fragments) out.append(f.xml());
    }
}
