package org.herald.presence.pidf;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The XML element names of an enumeration's constants, both ways. RFC 4480 spells most tokens with
 * hyphens ({@code on-the-phone}) but the moods with underscores ({@code in_awe}), so each enum says
 * which; the lookup is a map because it runs for every value of every PUBLISH.
 */
final class Tokens<E extends Enum<E>> {
    private final String[] names;
    private final Map<String, E> byName = new HashMap<>();

    private Tokens(E[] constants, boolean hyphens) {
        names = new String[constants.length];
        for (E e : constants) {
            String name = e.name().toLowerCase(Locale.ROOT);
            if (hyphens) name = name.replace('_', '-');
            names[e.ordinal()] = name;
            byName.put(name, e);
        }
    }

    /** {@code IN_TRANSIT} is {@code in-transit}. */
    static <E extends Enum<E>> Tokens<E> hyphenated(E[] constants) {
        return new Tokens<>(constants, true);
    }

    /** {@code IN_AWE} is {@code in_awe}. */
    static <E extends Enum<E>> Tokens<E> underscored(E[] constants) {
        return new Tokens<>(constants, false);
    }

    String token(E e) {
        return names[e.ordinal()];
    }

    /** The constant, or null: element names are case-sensitive. */
    E parse(String token) {
        return byName.get(token);
    }
}
