package org.herald.bench.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses one SIP message from bytes, and finds message boundaries in a TCP byte stream (framing by
 * Content-Length, RFC 3261 §18.3). Malformed input gives {@link Malformed}, never a crash of the reader.
 */
public final class SipParser {
    public static final int MAX_MESSAGE = 65_536;

    private SipParser() {}

    public static final class Malformed extends Exception {
        public Malformed(String message) {
            super(message, null, false, false);
        }
    }

    public static SipMessage parse(byte[] data, int offset, int length) throws Malformed {
        int headEnd = indexOf(data, offset, offset + length, new byte[] {'\r', '\n', '\r', '\n'});
        if (headEnd < 0) throw new Malformed("no end of headers");
        String head = new String(data, offset, headEnd - offset, StandardCharsets.UTF_8);
        List<String> lines = lines(head);
        List<SipMessage.Header> headers = new ArrayList<>(16);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) continue;
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) { // folded continuation
                SipMessage.Header last = headers.removeLast();
                headers.add(new SipMessage.Header(last.name(), last.value() + " " + line.trim()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) throw new Malformed("bad header line: " + line);
            String name = line.substring(0, colon).trim();
            String lower = name.toLowerCase(Locale.ROOT);
            name = SipMessage.COMPACT.getOrDefault(lower, lower);
            headers.add(new SipMessage.Header(name, line.substring(colon + 1).trim()));
        }
        int bodyStart = headEnd + 4;
        int available = offset + length - bodyStart;
        int declared = contentLength(headers, available);
        if (declared > available) throw new Malformed("body shorter than Content-Length");
        byte[] body = Arrays.copyOfRange(data, bodyStart, bodyStart + declared);
        String start = lines.getFirst();
        if (start.startsWith("SIP/2.0 ")) {
            if (start.length() < 11) throw new Malformed("bad status line");
            int status;
            try {
                status = Integer.parseInt(start.substring(8, 11));
            } catch (NumberFormatException e) {
                throw new Malformed("bad status code");
            }
            return new SipMessage.Response(status, start.length() > 12 ? start.substring(12) : "", headers, body);
        }
        String[] parts = start.split(" ");
        if (parts.length != 3 || !parts[2].equals("SIP/2.0")) throw new Malformed("bad request line: " + start);
        return new SipMessage.Request(parts[0], parts[1], headers, body);
    }

    /**
     * The length of the first complete message at {@code offset} in a stream buffer, 0 if more bytes
     * are needed. Leading CRLF keep-alives count as a message of their own length.
     */
    public static int frame(byte[] data, int offset, int length) throws Malformed {
        int i = offset;
        while (i < offset + length && (data[i] == '\r' || data[i] == '\n')) i++;
        if (i > offset) return i - offset;
        int headEnd = indexOf(data, offset, offset + length, new byte[] {'\r', '\n', '\r', '\n'});
        if (headEnd < 0) {
            if (length > MAX_MESSAGE) throw new Malformed("headers too long");
            return 0;
        }
        String head = new String(data, offset, headEnd - offset, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        int cl = -1;
        for (String line : lines(head)) {
            if (line.startsWith("content-length:") || line.startsWith("l:")) {
                cl = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        if (cl < 0) throw new Malformed("no Content-Length on a stream");
        int total = headEnd + 4 - offset + cl;
        if (total > MAX_MESSAGE) throw new Malformed("message too long");
        return total <= length ? total : 0;
    }

    /** CRLF-separated lines without a regex (String.split on two characters compiles one each time). */
    private static List<String> lines(String head) {
        List<String> out = new ArrayList<>(16);
        int from = 0;
        for (int at = head.indexOf("\r\n"); at >= 0; at = head.indexOf("\r\n", from)) {
            out.add(head.substring(from, at));
            from = at + 2;
        }
        out.add(head.substring(from));
        return out;
    }

    private static int contentLength(List<SipMessage.Header> headers, int available) throws Malformed {
        for (SipMessage.Header h : headers) {
            if (h.name().equals("content-length")) {
                try {
                    return Integer.parseInt(h.value().trim());
                } catch (NumberFormatException e) {
                    throw new Malformed("bad Content-Length");
                }
            }
        }
        return available; // datagram without Content-Length: the rest is the body
    }

    static int indexOf(byte[] data, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (data[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
