package org.herald.sip.message;

import java.util.Locale;

/**
 * An address-of-record, {@code user@host}: the identity of a user and of a presentity. The host is
 * compared case-insensitively, the user case-sensitively (RFC 3261 §19.1.4).
 */
public record Aor(String user, String host) {

    public Aor {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("an AOR needs a host");
        host = host.toLowerCase(Locale.ROOT);
        user = user == null ? "" : user;
    }

    /** Parses {@code alice@example.com}, {@code sip:alice@example.com} or {@code sips:...}. */
    public static Aor parse(String text) {
        String s = text.trim();
        if (s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1);
        int colon = s.indexOf(':');
        if (s.startsWith("sip:") || s.startsWith("sips:") || s.startsWith("pres:")) s = s.substring(colon + 1);
        int cut = indexOfAny(s, ";?>");
        if (cut >= 0) s = s.substring(0, cut);
        int at = s.lastIndexOf('@');
        String hostPort = at < 0 ? s : s.substring(at + 1);
        String host = hostPort.startsWith("[") ? hostPort.substring(0, hostPort.indexOf(']') + 1)
                : hostPort.split(":", 2)[0];
        return new Aor(at < 0 ? "" : s.substring(0, at), host);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    public String uri() {
        return "sip:" + this;
    }

    @Override
    public String toString() {
        return user.isEmpty() ? host : user + "@" + host;
    }
}
