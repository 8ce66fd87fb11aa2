package org.herald.presence.xcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.herald.presence.xcap.store.DocumentKey;
import org.herald.sip.message.Aor;

/**
 * An XCAP resource below the root (RFC 4825 §6): the document selector
 * {@code auid/users/XUI/name} or {@code auid/global/name}, then optionally {@code /~~/} and a node
 * selector, and the {@code xmlns()} namespace bindings of the query (§6.4, the XPointer xmlns()
 * scheme). Each path segment is percent-decoded as UTF-8; the node selector is decoded whole.
 *
 * <p>A SIP XUI is kept in one canonical form, {@code sip:user@host} with the host in lower case, so
 * {@code sip:Alice@EXAMPLE.com} and {@code sip:Alice@example.com;transport=tcp} name the same home
 * directory and the presence agent finds documents by {@code "sip:" + aor}. Other XUIs are opaque.
 *
 * @param documentPath the document selector as sent (still encoded), for the URIs in error documents
 * @param nodeSelector the decoded node selector, empty when the URI names a whole document
 */
public record XcapUri(DocumentKey document, String documentPath, Optional<String> nodeSelector,
                      Map<String, String> namespaces) {

    private static final String SEPARATOR = "/~~/";

    /** Parses the path below the root (starting with '/') and the raw query; 400 or 404 when it is not one. */
    public static XcapUri parse(String rawPath, String rawQuery) {
        if (!rawPath.startsWith("/")) throw XcapException.notFound("no such document");
        String path = rawPath.substring(1);
        int split = path.indexOf(SEPARATOR);
        if (split < 0 && (path.endsWith("/~~") || path.equals("~~"))) throw XcapException.badRequest("bad node selector: it is empty");
        String documentPath = split < 0 ? path : path.substring(0, split);
        Optional<String> node = Optional.empty();
        if (split >= 0) {
            String raw = path.substring(split + SEPARATOR.length());
            if (raw.isEmpty()) throw XcapException.badRequest("bad node selector: it is empty");
            node = Optional.of(decode(raw, true));
        }
        return new XcapUri(documentKey(documentPath), documentPath, node, namespaceBindings(rawQuery));
    }

    /** The canonical XUI of a path in a users tree, empty otherwise; never throws. */
    public static Optional<String> xuiOf(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        if (segments.length < 4 || !segments[2].equals("users")) return Optional.empty();
        try {
            String xui = decode(segments[3], false);
            return xui.isEmpty() ? Optional.empty() : Optional.of(canonicalXui(xui));
        } catch (XcapException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code sip:user@host} for a SIP or SIPS URI with a user part; anything else unchanged. */
    public static String canonicalXui(String xui) {
        String lower = xui.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("sip:") && !lower.startsWith("sips:")) return xui;
        try {
            Aor aor = Aor.parse(xui.substring(xui.indexOf(':') + 1));
            return aor.user().isEmpty() ? xui : aor.uri();
        } catch (IllegalArgumentException e) {
            return xui;
        }
    }

    private static DocumentKey documentKey(String documentPath) {
        String[] raw = documentPath.split("/", -1);
        String[] s = new String[raw.length];
        for (int i = 0; i < raw.length; i++) s[i] = decode(raw[i], false);
        if (s.length < 3 || s[0].isEmpty()) throw XcapException.notFound("no such document: the path needs auid/users/XUI/name or auid/global/name");
        int first;
        String xui;
        switch (s[1]) {
            case "users" -> {
                if (s.length < 4 || s[2].isEmpty()) throw XcapException.notFound("no such document: the path needs auid/users/XUI/name");
                xui = canonicalXui(s[2]);
                first = 3;
            }
            case "global" -> {
                xui = "";
                first = 2;
            }
            default -> throw XcapException.notFound("no such document: the second segment must be users or global");
        }
        for (int i = first; i < s.length; i++) {
            if (s[i].isEmpty()) throw XcapException.notFound("no such document: directories are not documents");
            if (s[i].equals(".") || s[i].equals("..")) throw XcapException.notFound("no such document: '" + s[i] + "' segments are not allowed");
        }
        String name = String.join("/", java.util.Arrays.copyOfRange(s, first, s.length));
        return xui.isEmpty() ? DocumentKey.global(s[0], name) : DocumentKey.user(s[0], xui, name);
    }

    /** The bindings of {@code xmlns(p=urn:...)xmlns(q=...)}; '^' escapes '(', ')' and '^' (XPointer §3.1). */
    static Map<String, String> namespaceBindings(String rawQuery) {
        Map<String, String> bindings = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return bindings;
        String q = decode(rawQuery, true);
        int at = 0;
        while (true) {
            while (at < q.length() && Character.isWhitespace(q.charAt(at))) at++;
            if (at == q.length()) return bindings;
            if (!q.startsWith("xmlns(", at)) throw XcapException.badRequest("bad query: only xmlns(prefix=namespace) parts are understood");
            at += "xmlns(".length();
            int eq = q.indexOf('=', at);
            if (eq < 0) throw XcapException.badRequest("bad query: xmlns() without '='");
            String prefix = q.substring(at, eq).trim();
            if (prefix.isEmpty() || !prefix.chars().allMatch(c -> NodeSelectorParser.isNameChar((char) c))
                    || !NodeSelectorParser.isNameStart(prefix.charAt(0))) {
                throw XcapException.badRequest("bad query: '" + prefix + "' is not a prefix");
            }
            StringBuilder ns = new StringBuilder();
            at = eq + 1;
            while (true) {
                if (at >= q.length()) throw XcapException.badRequest("bad query: xmlns() is not closed");
                char c = q.charAt(at++);
                if (c == '^') {
                    if (at >= q.length() || "()^".indexOf(q.charAt(at)) < 0) throw XcapException.badRequest("bad query: bad '^' escape");
                    ns.append(q.charAt(at++));
                } else if (c == ')') {
                    break;
                } else if (c == '(') {
                    throw XcapException.badRequest("bad query: '(' must be escaped as '^('");
                } else {
                    ns.append(c);
                }
            }
            bindings.put(prefix, ns.toString().trim());
        }
    }

    /** Strict percent-decoding into UTF-8 text; '+' is kept (it is not a space in a path). */
    static String decode(String raw, boolean selector) {
        if (raw.indexOf('%') < 0) return raw;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                int end = raw.indexOf('%', i);
                if (end < 0) end = raw.length();
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            } else {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw XcapException.badRequest("bad percent-encoding in the " + (selector ? "node selector" : "path"));
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw XcapException.badRequest("the percent-encoded " + (selector ? "node selector" : "path") + " is not UTF-8");
        }
    }

    /** Percent-encodes a decoded node selector for a URI (RFC 3986 pchar, keeping what is safe). */
    static String encodeSelector(String selector) {
        StringBuilder out = new StringBuilder();
        for (byte b : selector.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
