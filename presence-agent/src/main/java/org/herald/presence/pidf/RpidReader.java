package org.herald.presence.pidf;

import static org.herald.presence.pidf.ElementReader.collapse;
import static org.herald.presence.pidf.ElementReader.dateTime;
import static org.herald.presence.pidf.ElementReader.empty;
import static org.herald.presence.pidf.ElementReader.id;
import static org.herald.presence.pidf.ElementReader.in;
import static org.herald.presence.pidf.ElementReader.invalid;
import static org.herald.presence.pidf.ElementReader.nextChild;
import static org.herald.presence.pidf.ElementReader.note;
import static org.herald.presence.pidf.ElementReader.onlyAttributes;
import static org.herald.presence.pidf.ElementReader.quote;
import static org.herald.presence.pidf.ElementReader.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.herald.presence.xml.FragmentCapture;
import org.herald.presence.xml.XmlFragment;
import org.herald.sip.event.InvalidBodyException;

/**
 * Reads the RPID elements (RFC 4480 §5) of one person, tuple or device, validating what the schema is
 * strict about: the enumerated values of the RPID namespace, empty value elements, dateTime and integer
 * attributes, {@code unknown} standing alone, and one {@code <class>}, {@code <relationship>},
 * {@code <service-class>} and {@code <user-input>} per component. Open enumerations stay open: values
 * of other namespaces and {@code <other>} texts are kept. Elements of the RPID namespace the RFC does
 * not define, and RPID elements carrying attributes it does not define ({@code anyAttribute}), are left
 * to the caller to keep verbatim.
 */
final class RpidReader {
    private static final String NS = Rpid.NAMESPACE;

    private final String where;
    private final List<Activities> activities = new ArrayList<>();
    private final List<Mood> moods = new ArrayList<>();
    private final List<PlaceIs> placeIs = new ArrayList<>();
    private final List<PlaceType> placeTypes = new ArrayList<>();
    private final List<Privacy> privacy = new ArrayList<>();
    private final List<Sphere> spheres = new ArrayList<>();
    private final List<StatusIcon> statusIcons = new ArrayList<>();
    private final List<TimeOffset> timeOffsets = new ArrayList<>();
    private String classValue;
    private Relationship relationship;
    private ServiceClass serviceClass;
    private UserInput userInput;

    RpidReader(String where) {
        this.where = where;
    }

    /** Reads the RPID element the reader is on; false, having read nothing, if it is to be kept verbatim. */
    boolean read(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        String local = r.getLocalName();
        if (!onlyAttributes(r, attributesOf(local))) return false;
        try {
            switch (local) {
                case "activities" -> activities.add(activities(r));
                case "class" -> classValue = once(classValue, collapse(text(r, where)), local);
                case "mood" -> moods.add(mood(r));
                case "place-is" -> placeIs.add(placeIs(r));
                case "place-type" -> placeTypes.add(placeType(r));
                case "privacy" -> privacy.add(privacy(r));
                case "relationship" -> relationship = once(relationship, relationship(r), local);
                case "service-class" -> serviceClass = once(serviceClass, serviceClass(r), local);
                case "sphere" -> spheres.add(sphere(r));
                case "status-icon" -> statusIcons.add(statusIcon(r));
                case "time-offset" -> timeOffsets.add(timeOffset(r));
                case "user-input" -> userInput = once(userInput, userInput(r), local);
                default -> {
                    return false;
                }
            }
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": " + e.getMessage());
        }
        return true;
    }

    /** What was read; {@link Rpid#NONE} itself if nothing, which most tuples of most documents are. */
    Rpid rpid() {
        if (activities.isEmpty() && moods.isEmpty() && placeIs.isEmpty() && placeTypes.isEmpty() && privacy.isEmpty()
                && spheres.isEmpty() && statusIcons.isEmpty() && timeOffsets.isEmpty() && classValue == null
                && relationship == null && serviceClass == null && userInput == null) {
            return Rpid.NONE;
        }
        return new Rpid(activities, classValue, moods, placeIs, placeTypes, privacy, relationship, serviceClass, spheres,
                statusIcons, timeOffsets, userInput);
    }

    private static String[] attributesOf(String local) {
        return switch (local) {
            case "class", "relationship", "service-class" -> new String[0];
            case "time-offset" -> new String[] {"from", "until", "id", "description"};
            case "user-input" -> new String[] {"id", "idle-threshold", "last-input"};
            default -> new String[] {"from", "until", "id"};
        };
    }

    private <T> T once(T previous, T next, String element) throws InvalidBodyException {
        if (previous != null) throw invalid(where + " has more than one <" + element + ">");
        return next;
    }

    private Activities activities(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        Instant from = dateTime(r, "from", where);
        Instant until = dateTime(r, "until", where);
        String id = id(r);
        Enumeration<Activities.Activity> e = enumeration(r, "activities", "activity", Activities.Activity::parse);
        return new Activities(e.values, e.others, e.extensions, e.notes, from, until, id);
    }

    private Mood mood(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        Instant from = dateTime(r, "from", where);
        Instant until = dateTime(r, "until", where);
        String id = id(r);
        Enumeration<Mood.Feeling> e = enumeration(r, "mood", "mood", Mood.Feeling::parse);
        return new Mood(e.values, e.others, e.extensions, e.notes, from, until, id);
    }

    /** What an open enumeration (activities, mood) holds. */
    private record Enumeration<E>(List<E> values, List<Note> others, List<XmlFragment> extensions, List<Note> notes) {}

    private <E> Enumeration<E> enumeration(XMLStreamReader r, String element, String what, Function<String, E> parse)
            throws XMLStreamException, InvalidBodyException {
        Enumeration<E> e = new Enumeration<>(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        while (nextChild(r, where + " <" + element + ">")) {
            if (!in(r, NS)) {
                e.extensions.add(FragmentCapture.capture(r));
                continue;
            }
            switch (r.getLocalName()) {
                case "note" -> e.notes.add(note(r, where));
                case "other" -> e.others.add(note(r, where));
                default -> e.values.add(value(r, parse, what));
            }
        }
        return e;
    }

    /** An empty element naming a value of the RPID namespace. */
    private <E> E value(XMLStreamReader r, Function<String, E> parse, String what)
            throws XMLStreamException, InvalidBodyException {
        E value = parse.apply(r.getLocalName());
        if (value == null) throw invalid(where + ": unknown " + what + " " + quote(r.getLocalName()));
        empty(r, where);
        return value;
    }

    private PlaceIs placeIs(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        Instant from = dateTime(r, "from", where);
        Instant until = dateTime(r, "until", where);
        String id = id(r);
        PlaceIs.Audio audio = null;
        PlaceIs.Video video = null;
        PlaceIs.Text text = null;
        List<XmlFragment> extensions = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        while (nextChild(r, where + " <place-is>")) {
            if (!in(r, NS)) {
                extensions.add(FragmentCapture.capture(r));
                continue;
            }
            String local = r.getLocalName();
            switch (local) {
                case "note" -> notes.add(note(r, where));
                case "audio" -> audio = once(audio, single(r, PlaceIs.Audio::parse), local);
                case "video" -> video = once(video, single(r, PlaceIs.Video::parse), local);
                case "text" -> text = once(text, single(r, PlaceIs.Text::parse), local);
                default -> throw invalid("unexpected element <" + local + "> in the <place-is> of " + where);
            }
        }
        return new PlaceIs(audio, video, text, extensions, notes, from, until, id);
    }

    /** An element holding exactly one empty value element of the RPID namespace, e.g. {@code <audio><noisy/></audio>}. */
    private <E> E single(XMLStreamReader r, Function<String, E> parse) throws XMLStreamException, InvalidBodyException {
        String element = r.getLocalName();
        E value = null;
        while (nextChild(r, where + " <" + element + ">")) {
            if (value != null || !in(r, NS)) throw invalid(where + ": <" + element + "> takes exactly one value");
            value = value(r, parse, element + " value");
        }
        if (value == null) throw invalid(where + ": <" + element + "> takes exactly one value");
        return value;
    }

    private PlaceType placeType(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        Instant from = dateTime(r, "from", where);
        Instant until = dateTime(r, "until", where);
        String id = id(r);
        Note other = null;
        List<XmlFragment> types = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        while (nextChild(r, where + " <place-type>")) {
            if (!in(r, NS)) {
                types.add(FragmentCapture.capture(r));
                continue;
            }
            switch (r.getLocalName()) {
                case "note" -> notes.add(note(r, where));
                case "other" -> other = once(other, note(r, where), "other");
                default -> throw invalid("unexpected element <" + r.getLocalName() + "> in the <place-type> of " + where);
            }
        }
        return new PlaceType(other, types, notes, from, until, id);
    }

    private Privacy privacy(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        Instant from = dateTime(r, "from", where);
        Instant until = dateTime(r, "until", where);
        String id = id(r);
        List<Privacy.Medium> media = new ArrayList<>();
        List<XmlFragment> extensions = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        while (nextChild(r, where + " <privacy>")) {
            if (!in(r, NS)) {
                extensions.add(FragmentCapture.capture(r));
            } else if (r.getLocalName().equals("note")) {
                notes.add(note(r, where));
            } else {
                media.add(value(r, Privacy.Medium::parse, "privacy value"));
            }
        }
        return new Privacy(media, extensions, notes, from, until, id);
    }

    private Relationship relationship(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        Relationship.Relation relation = null;
        Note other = null;
        List<XmlFragment> extensions = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        while (nextChild(r, where + " <relationship>")) {
            if (!in(r, NS)) {
                extensions.add(FragmentCapture.capture(r));
                continue;
            }
            switch (r.getLocalName()) {
                case "note" -> notes.add(note(r, where));
                case "other" -> other = once(other, note(r, where), "other");
                default -> relation = once(relation, value(r, Relationship.Relation::parse, "relationship"), "relationship value");
            }
        }
        return new Relationship(relation, other, extensions, notes);
    }

    private ServiceClass serviceClass(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        ServiceClass.Kind kind = null;
        List<XmlFragment> extensions = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        while (nextChild(r, where + " <service-class>")) {
            if (!in(r, NS)) {
                extensions.add(FragmentCapture.capture(r));
            } else if (r.getLocalName().equals("note")) {
                notes.add(note(r, where));
            } else {
                kind = once(kind, value(r, ServiceClass.Kind::parse, "service class"), "service-class value");
            }
        }
        return new ServiceClass(kind, extensions, notes);
    }

    /** Element-only or, as RFC 4480's own example has it, text-only. */
    private Sphere sphere(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        Instant from = dateTime(r, "from", where);
        Instant until = dateTime(r, "until", where);
        String id = id(r);
        Sphere.Kind kind = null;
        List<XmlFragment> extensions = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int event = r.next(); event != XMLStreamConstants.END_ELEMENT; event = r.next()) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                case XMLStreamConstants.START_ELEMENT -> {
                    if (in(r, NS)) kind = once(kind, value(r, Sphere.Kind::parse, "sphere"), "sphere value");
                    else extensions.add(FragmentCapture.capture(r));
                }
                default -> { }
            }
        }
        String name = text.toString().isBlank() ? null : text.toString();
        return new Sphere(kind, name, extensions, from, until, id);
    }

    private StatusIcon statusIcon(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        Instant from = dateTime(r, "from", where);
        Instant until = dateTime(r, "until", where);
        String id = id(r);
        return new StatusIcon(collapse(text(r, where)), from, until, id);
    }

    private TimeOffset timeOffset(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        Instant from = dateTime(r, "from", where);
        Instant until = dateTime(r, "until", where);
        String id = id(r);
        String description = ElementReader.attribute(r, "description");
        String text = text(r, where).strip();
        try {
            return new TimeOffset(Integer.parseInt(text), description, from, until, id);
        } catch (NumberFormatException e) {
            throw invalid(where + ": <time-offset> " + quote(text) + " is not a number of minutes");
        }
    }

    private UserInput userInput(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        String id = id(r);
        Instant lastInput = dateTime(r, "last-input", where);
        String thresholdText = ElementReader.attribute(r, "idle-threshold");
        Integer threshold = null;
        if (thresholdText != null) {
            try {
                threshold = Integer.parseInt(thresholdText.strip());
            } catch (NumberFormatException e) {
                threshold = 0;
            }
            if (threshold <= 0) {
                throw invalid(where + ": idle-threshold " + quote(thresholdText) + " is not a positive number of seconds");
            }
        }
        String token = text(r, where).strip();
        UserInput.State state = UserInput.State.parse(token);
        if (state == null) throw invalid(where + ": <user-input> must be active or idle, not " + quote(token));
        return new UserInput(state, threshold, lastInput, id);
    }
}
