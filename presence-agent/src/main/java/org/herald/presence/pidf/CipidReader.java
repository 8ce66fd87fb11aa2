package org.herald.presence.pidf;

import static org.herald.presence.pidf.ElementReader.collapse;
import static org.herald.presence.pidf.ElementReader.invalid;
import static org.herald.presence.pidf.ElementReader.note;
import static org.herald.presence.pidf.ElementReader.onlyAttributes;
import static org.herald.presence.pidf.ElementReader.text;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.herald.sip.event.InvalidBodyException;

/**
 * Reads the CIPID elements (RFC 4482 §3) of one person or tuple: each at most once, display names once
 * per language. URIs are whitespace-collapsed (xs:anyURI); a display name is kept as published. An
 * element with attributes CIPID does not define is left to the caller to keep verbatim.
 */
final class CipidReader {
    private final String where;
    private final List<Note> displayNames = new ArrayList<>();
    private String card;
    private String homepage;
    private String icon;
    private String map;
    private String sound;

    CipidReader(String where) {
        this.where = where;
    }

    /** Reads the CIPID element the reader is on; false, having read nothing, if it is to be kept verbatim. */
    boolean read(XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        String local = r.getLocalName();
        if (local.equals("display-name")) {
            if (!onlyAttributes(r, "xml:lang")) return false;
            displayNames.add(note(r, where));
            return true;
        }
        if (!onlyAttributes(r)) return false;
        switch (local) {
            case "card" -> card = once(card, r);
            case "homepage" -> homepage = once(homepage, r);
            case "icon" -> icon = once(icon, r);
            case "map" -> map = once(map, r);
            case "sound" -> sound = once(sound, r);
            default -> {
                return false;
            }
        }
        return true;
    }

    Cipid cipid() throws InvalidBodyException {
        if (card == null && displayNames.isEmpty() && homepage == null && icon == null && map == null && sound == null) {
            return Cipid.NONE;
        }
        try {
            return new Cipid(card, displayNames, homepage, icon, map, sound);
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": " + e.getMessage());
        }
    }

    private String once(String previous, XMLStreamReader r) throws XMLStreamException, InvalidBodyException {
        String element = r.getLocalName();
        if (previous != null) throw invalid(where + " has more than one <" + element + ">");
        return collapse(text(r, where));
    }
}
