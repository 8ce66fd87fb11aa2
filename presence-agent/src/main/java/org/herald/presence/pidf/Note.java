package org.herald.presence.pidf;

import java.util.Objects;

/**
 * A human-readable note (RFC 3863), on the document or on a tuple.
 *
 * @param text the note, whitespace as published
 * @param lang its {@code xml:lang}, or null
 */
public record Note(String text, String lang) {

    public Note {
        Objects.requireNonNull(text, "text");
    }

    public static Note of(String text) {
        return new Note(text, null);
    }
}
