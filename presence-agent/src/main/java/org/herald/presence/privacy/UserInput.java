package org.herald.presence.privacy;

/**
 * The {@code <provide-user-input>} transformation (RFC 5025 §3.3.2): how much of RPID's
 * {@code <user-input>} a watcher sees. An enumerated integer, combined by maximum.
 */
public enum UserInput {
    /** No {@code <user-input>} at all. */
    FALSE(0, "false"),
    /** Only the active/idle value: {@code idle-threshold} and {@code last-input} are removed. */
    BARE(10, "bare"),
    /** The value and {@code idle-threshold}; {@code last-input} is removed. */
    THRESHOLDS(20, "thresholds"),
    /** The element as published. */
    FULL(30, "full");

    private final int value;
    private final String token;

    UserInput(int value, String token) {
        this.value = value;
        this.token = token;
    }

    public int value() {
        return value;
    }

    public String token() {
        return token;
    }

    /** The token exactly as the schema's enumeration spells it, after trimming; null otherwise. */
    public static UserInput parse(String text) {
        String t = text.strip();
        for (UserInput u : values()) if (u.token.equals(t)) return u;
        return null;
    }

    public UserInput max(UserInput other) {
        return other.value > value ? other : this;
    }
}
