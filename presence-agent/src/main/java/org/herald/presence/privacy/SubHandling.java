package org.herald.presence.privacy;

/**
 * The {@code <sub-handling>} action (RFC 5025 §3.2.1): what happens to a subscription. An enumerated
 * integer, so that several matching rules combine by taking the maximum (RFC 4745 §10.2) — the most
 * permissive handling any matching rule grants wins.
 */
public enum SubHandling {
    /** Rejected: the subscription is terminated (reason "rejected"). */
    BLOCK(0, "block"),
    /** Pending until the presentity decides, e.g. after seeing it in watcher-info. */
    CONFIRM(10, "confirm"),
    /** Told it is active, and sent a neutral closed document that reveals nothing. */
    POLITE_BLOCK(20, "polite-block"),
    /** Active, and sent the document as the transformations allow. */
    ALLOW(30, "allow");

    private final int value;
    private final String token;

    SubHandling(int value, String token) {
        this.value = value;
        this.token = token;
    }

    /** The RFC's numeric value: 0, 10, 20 or 30. */
    public int value() {
        return value;
    }

    /** The value as written in a pres-rules document. */
    public String token() {
        return token;
    }

    /** The token, whitespace-collapsed as xs:token is; null if it is none of the four. */
    public static SubHandling parse(String text) {
        String t = text.strip();
        for (SubHandling h : values()) if (h.token.equals(t)) return h;
        return null;
    }

    /** The more permissive of the two. */
    public SubHandling max(SubHandling other) {
        return other.value > value ? other : this;
    }
}
