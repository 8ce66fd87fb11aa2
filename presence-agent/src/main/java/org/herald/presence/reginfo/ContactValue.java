package org.herald.presence.reginfo;

import java.util.ArrayList;
import java.util.List;

/**
 * A stored Contact header value taken apart again, for the display name and the parameters a reginfo
 * {@code <contact>} shows. Reads what the registrar stores ({@code "Name" <uri>;p=v;flag}); anything
 * it cannot read yields no display name and no parameters rather than an error.
 */
record ContactValue(String displayName, List<UnknownParam> params) {

    /** Parameters the reginfo schema carries as attributes, or that only make sense in a REGISTER. */
    private static final List<String> SHOWN_ELSEWHERE = List.of("q", "expires");

    static ContactValue parse(String header) {
        String displayName = null;
        int i = 0;
        int n = header.length();
        while (i < n && header.charAt(i) == ' ') i++;
        if (i < n && header.charAt(i) == '"') {
            StringBuilder name = new StringBuilder();
            for (i++; i < n && header.charAt(i) != '"'; i++) {
                char c = header.charAt(i);
                if (c == '\\' && i + 1 < n) c = header.charAt(++i);
                name.append(c);
            }
            displayName = name.toString();
        }
        int open = header.indexOf('<', i);
        int close = open < 0 ? -1 : header.indexOf('>', open);
        if (close < 0) return new ContactValue(displayName, List.of());
        return new ContactValue(displayName, params(header.substring(close + 1)));
    }

    /** {@code ;a=1;b="x;y";c} → a, b, c, splitting only outside quotes. */
    private static List<UnknownParam> params(String s) {
        List<UnknownParam> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ';';
            if (c == '"') quoted = !quoted;
            if (c == ';' && !quoted) {
                add(out, current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return out;
    }

    private static void add(List<UnknownParam> out, String param) {
        if (param.isEmpty()) return;
        int eq = param.indexOf('=');
        String name = (eq < 0 ? param : param.substring(0, eq)).trim();
        if (name.isEmpty() || SHOWN_ELSEWHERE.contains(name.toLowerCase(java.util.Locale.ROOT))) return;
        out.add(new UnknownParam(name, eq < 0 ? "" : param.substring(eq + 1).trim()));
    }
}
