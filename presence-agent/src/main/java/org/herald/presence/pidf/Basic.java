package org.herald.presence.pidf;

/** The RFC 3863 basic status: whether the tuple's contact address can be reached now. */
public enum Basic {
    OPEN, CLOSED;

    /** The token as it appears in {@code <basic>}. */
    public String token() {
        return this == OPEN ? "open" : "closed";
    }

    /** Parses {@code open} or {@code closed} exactly (the schema's enumeration is case-sensitive); null otherwise. */
    public static Basic parse(String token) {
        return switch (token) {
            case "open" -> OPEN;
            case "closed" -> CLOSED;
            default -> null;
        };
    }
}
