package org.herald.bench.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed SIP message, just enough for a load generator: start line, headers in order (names
 * expanded from their compact forms) and the body. Not a validating parser.
 */
public sealed interface SipMessage {

    List<Header> headers();

    byte[] body();

    record Header(String name, String value) {}

    record Request(String method, String uri, List<Header> headers, byte[] body) implements SipMessage {}

    record Response(int status, String reason, List<Header> headers, byte[] body) implements SipMessage {}

    Map<String, String> COMPACT = Map.of("v", "via", "f", "from", "t", "to", "i", "call-id", "l", "content-length",
            "c", "content-type", "m", "contact", "e", "content-encoding", "o", "event", "k", "supported");

    /** The first value of a header (case-insensitive name), or null. */
    default String header(String name) {
        for (Header h : headers()) if (h.name().equalsIgnoreCase(name)) return h.value();
        return null;
    }

    /** Every header with that name, in order (Via, Record-Route). */
    default List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Header h : headers()) if (h.name().equalsIgnoreCase(name)) out.add(h.value());
        return out;
    }

    default String callId() {
        return header("call-id");
    }

    /** The CSeq number. */
    default long cseq() {
        String v = header("cseq");
        if (v == null) return -1;
        int sp = v.indexOf(' ');
        return Long.parseLong((sp < 0 ? v : v.substring(0, sp)).trim());
    }

    default String cseqMethod() {
        String v = header("cseq");
        int sp = v == null ? -1 : v.indexOf(' ');
        return sp < 0 ? "" : v.substring(sp + 1).trim().toUpperCase(Locale.ROOT);
    }

    /** The branch parameter of the top Via, which names the client transaction. */
    default String branch() {
        return param(header("via"), "branch");
    }

    default String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** A {@code ;name=value} parameter of a header value, or null. */
    static String param(String headerValue, String name) {
        if (headerValue == null) return null;
        String lower = headerValue.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(";" + name.toLowerCase(Locale.ROOT) + "=");
        if (at < 0) return null;
        int from = at + name.length() + 2;
        int end = from;
        while (end < headerValue.length() && ";,> \t".indexOf(headerValue.charAt(end)) < 0) end++;
        return headerValue.substring(from, end);
    }
}
