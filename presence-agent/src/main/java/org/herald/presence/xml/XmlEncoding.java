package org.herald.presence.xml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes a document's bytes before the parser sees them (XML 1.0 Appendix F: BOM, then the
 * encoding declaration, else UTF-8). The JDK parser prints "[Fatal Error]" to standard error for every
 * malformed byte sequence it meets, which a client could use to flood the server's log; decoding
 * strictly here turns that into an ordinary refusal. Only the encodings presence clients use are
 * accepted: UTF-8, UTF-16 and, for old desk phones, US-ASCII, ISO-8859-1 and windows-1252.
 */
final class XmlEncoding {
    private XmlEncoding() {}

    static CharBuffer decode(byte[] b) throws XmlRejectedException {
        int n = b.length;
        if (n >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return strict(StandardCharsets.UTF_8, b, 3);
        }
        if (n >= 2 && (((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) || ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE))) {
            return strict(StandardCharsets.UTF_16, b, 0); // consumes the BOM
        }
        if (n >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') return strict(StandardCharsets.UTF_16BE, b, 0);
        if (n >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) return strict(StandardCharsets.UTF_16LE, b, 0);
        return strict(declared(b), b, 0);
    }

    /** The charset named by the XML declaration of an ASCII-compatible document; UTF-8 if none. */
    private static Charset declared(byte[] b) throws XmlRejectedException {
        if (!startsWith(b, 0, "<?xml")) return StandardCharsets.UTF_8;
        int end = Math.min(b.length, 256);
        int at = -1;
        for (int i = 5; i + 1 < end; i++) {
            if (b[i] == '?' && b[i + 1] == '>') {
                end = i;
                break;
            }
            if (at < 0 && startsWith(b, i, "encoding")) at = i + "encoding".length();
        }
        if (at < 0 || at >= end) return StandardCharsets.UTF_8;
        while (at < end && (b[at] == ' ' || b[at] == '=' || b[at] == '\t' || b[at] == '\r' || b[at] == '\n')) at++;
        if (at >= end || (b[at] != '"' && b[at] != '\'')) return StandardCharsets.UTF_8; // the parser will object
        byte quote = b[at++];
        StringBuilder name = new StringBuilder();
        while (at < end && b[at] != quote && name.length() < 40) name.append((char) (b[at++] & 0x7f));
        return switch (name.toString().toUpperCase(Locale.ROOT)) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "US-ASCII", "ASCII" -> StandardCharsets.US_ASCII;
            case "ISO-8859-1", "ISO_8859-1", "LATIN1" -> StandardCharsets.ISO_8859_1;
            case "WINDOWS-1252", "CP1252" -> Charset.forName("windows-1252");
            case "UTF-16" -> throw new XmlRejectedException("the document declares UTF-16 but is not");
            default -> throw new XmlRejectedException("unsupported encoding " + printable(name));
        };
    }

    private static CharBuffer strict(Charset charset, byte[] b, int offset) throws XmlRejectedException {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, b.length - offset));
        } catch (CharacterCodingException e) {
            throw new XmlRejectedException("the document is not valid " + charset.name());
        }
    }

    private static boolean startsWith(byte[] b, int at, String ascii) {
        if (at + ascii.length() > b.length) return false;
        for (int i = 0; i < ascii.length(); i++) if (b[at + i] != ascii.charAt(i)) return false;
        return true;
    }

    private static String printable(CharSequence s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' ? c : '?');
        }
        return out.toString();
    }
}
