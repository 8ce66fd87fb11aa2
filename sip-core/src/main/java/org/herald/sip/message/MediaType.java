package org.herald.sip.message;

import java.util.Locale;

/** A MIME media type compared by type and subtype only, e.g. {@code application/pidf+xml}. */
public record MediaType(String type, String subtype) {

    public MediaType {
        type = type.trim().toLowerCase(Locale.ROOT);
        subtype = subtype.trim().toLowerCase(Locale.ROOT);
    }

    /** Parses a Content-Type or Accept value, ignoring parameters; null for garbage. */
    public static MediaType parse(String text) {
        if (text == null) return null;
        String bare = ParameterizedValue.parse(text).value();
        int slash = bare.indexOf('/');
        if (slash <= 0 || slash == bare.length() - 1) return null;
        return new MediaType(bare.substring(0, slash), bare.substring(slash + 1));
    }

    public static MediaType of(String text) {
        MediaType t = parse(text);
        if (t == null) throw new IllegalArgumentException("not a media type: " + text);
        return t;
    }

    /** True if this (an Accept range like {@code application/*}) covers the given type. */
    public boolean covers(MediaType other) {
        return (type.equals("*") || type.equals(other.type))
                && (subtype.equals("*") || subtype.equals(other.subtype));
    }

    @Override
    public String toString() {
        return type + "/" + subtype;
    }
}
