package org.herald.presence.privacy;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.herald.sip.message.Aor;

/**
 * When two URIs in rules and documents name the same thing. RFC 4745 §7 leaves identity comparison
 * to the using protocol; for SIP, RFC 5025 §3.1.1.2 makes the watcher's identity an address of record.
 * The comparisons, each a canonical string so that rules can be matched by set lookup:
 * <ul>
 *   <li>{@code sip:}, {@code sips:} and {@code pres:} URIs name an AOR: user case-sensitive, host
 *       case-insensitive, parameters and headers ignored, and the three schemes alike — an identity
 *       authenticated by digest is the same person whichever scheme a rule spells;
 *   <li>{@code tel:} compares the number without visual separators ({@code - . ( )}, RFC 3966);
 *   <li>anything else compares exactly, with a case-insensitive scheme.
 * </ul>
 * Domains (RFC 4745 §7.1.3) compare after percent-decoding and IDNA ToASCII, case-insensitively; a
 * domain that does not convert matches nothing.
 */
final class UriEquivalence {
    private UriEquivalence() {}

    /** The canonical form of an identity URI, for {@code <one id>} and {@code <except id>}. */
    static String identity(String uri) {
        String s = unbracket(uri);
        String scheme = scheme(s);
        if (scheme == null) return s;
        switch (scheme) {
            case "sip", "sips", "pres" -> {
                try {
                    Aor aor = Aor.parse(s);
                    return "sip:" + aor;
                } catch (RuntimeException e) {
                    return s;
                }
            }
            case "tel" -> {
                StringBuilder number = new StringBuilder("tel:");
                for (int i = 4; i < s.length() && s.charAt(i) != ';'; i++) {
                    char c = s.charAt(i);
                    if ("-.()".indexOf(c) < 0) number.append(Character.toUpperCase(c));
                }
                return number.toString();
            }
            default -> {
                return scheme + s.substring(scheme.length());
            }
        }
    }

    /** The domain an identity belongs to, percent-decoded and in ASCII; null if it has none (tel:). */
    static String domain(String uri) {
        String s = unbracket(uri);
        String scheme = scheme(s);
        if (scheme == null || scheme.equals("tel")) return null;
        String rest = s.substring(scheme.length() + 1);
        int at = rest.lastIndexOf('@');
        String host = at >= 0 ? rest.substring(at + 1) : rest.startsWith("//") ? rest.substring(2) : rest;
        int end = 0;
        while (end < host.length() && ";?>:/".indexOf(host.charAt(end)) < 0) end++;
        return domainKey(host.substring(0, end));
    }

    /** A domain as a {@code domain} attribute or a URI spells it, in the form domains compare in. */
    static String domainKey(String domain) {
        String d = percentDecode(domain.strip());
        if (d == null || d.isEmpty()) return null;
        try {
            return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A tuple contact or {@code <service-uri>}, for comparison: lower-case scheme, and host for SIP. */
    static String service(String uri) {
        String s = unbracket(uri);
        String scheme = scheme(s);
        if (scheme == null) return s;
        String rest = s.substring(scheme.length());
        if (scheme.equals("sip") || scheme.equals("sips")) {
            int at = rest.lastIndexOf('@');
            int end = at + 1;
            while (end < rest.length() && ";?".indexOf(rest.charAt(end)) < 0) end++;
            rest = rest.substring(0, at + 1) + rest.substring(at + 1, end).toLowerCase(Locale.ROOT)
                    + rest.substring(end);
        }
        return scheme + rest;
    }

    /** A {@code <deviceID>}: a URN whose "urn" and namespace identifier are case-insensitive. */
    static String deviceId(String uri) {
        String s = unbracket(uri);
        String scheme = scheme(s);
        if (scheme == null) return s;
        if (scheme.equals("urn")) {
            int second = s.indexOf(':', 4);
            if (second > 0) return "urn:" + s.substring(4, second).toLowerCase(Locale.ROOT) + s.substring(second);
        }
        return scheme + s.substring(scheme.length());
    }

    /** The URI's scheme in lower case, or null if it has none. */
    static String scheme(String uri) {
        String s = unbracket(uri);
        int colon = s.indexOf(':');
        if (colon <= 0) return null;
        for (int i = 0; i < colon; i++) {
            char c = s.charAt(i);
            boolean ok = Character.isLetter(c) && c < 128 || i > 0 && (Character.isDigit(c) || c == '+' || c == '-'
                    || c == '.');
            if (!ok) return null;
        }
        return s.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static String unbracket(String uri) {
        String s = uri.strip();
        return s.length() > 1 && s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) return null;
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c < 128) {
                out[n++] = (byte) c;
            } else {
                return s; // already Unicode: leave it to ToASCII
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
