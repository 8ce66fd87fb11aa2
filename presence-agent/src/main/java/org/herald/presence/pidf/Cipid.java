package org.herald.presence.pidf;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The CIPID values (RFC 4482) of a person or, for someone other than the presentity, a tuple: the
 * slowly changing contact details. Each appears at most once, except display names, which may repeat
 * in different languages (§3.2).
 *
 * @param card         {@code <card>} URI, or null
 * @param displayNames {@code <display-name>}s with their {@code xml:lang}
 * @param homepage     {@code <homepage>} URI, or null
 * @param icon         {@code <icon>} URI, or null
 * @param map          {@code <map>} URI, or null
 * @param sound        {@code <sound>} URI, or null
 */
public record Cipid(String card, List<Note> displayNames, String homepage, String icon, String map, String sound) {

    /** The CIPID namespace. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:pidf:cipid";

    public static final Cipid NONE = new Cipid(null, List.of(), null, null, null, null);

    public Cipid {
        displayNames = List.copyOf(displayNames);
        Set<String> langs = new HashSet<>();
        for (Note name : displayNames) {
            if (!langs.add(name.lang() == null ? "" : name.lang())) {
                throw new IllegalArgumentException("several <display-name>s in the same language");
            }
        }
    }

    public boolean isEmpty() {
        return this == NONE || equals(NONE);
    }
}
