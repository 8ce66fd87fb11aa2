package org.herald.presence.reginfo;

import java.nio.charset.StandardCharsets;
import org.herald.presence.xml.XmlText;

/**
 * Serializes a {@link RegInfo} as UTF-8 with reginfo as the default namespace, attributes and children
 * in the schema's order (RFC 3680 §5.4), one element per line and no indentation.
 */
public final class RegInfoWriter {
    private RegInfoWriter() {}

    public static byte[] write(RegInfo info) {
        return toXml(info).getBytes(StandardCharsets.UTF_8);
    }

    public static String toXml(RegInfo info) {
        StringBuilder out = new StringBuilder(512);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<reginfo xmlns=\"").append(RegInfo.NAMESPACE)
                .append("\" version=\"").append(info.version()).append("\" state=\"")
                .append(info.full() ? "full" : "partial").append("\">\n");
        for (RegistrationElement r : info.registrations()) {
            attribute(out.append("<registration"), "aor", r.aor());
            attribute(out, "id", r.id());
            attribute(out, "state", r.state().token());
            if (r.contacts().isEmpty()) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            for (ContactElement c : r.contacts()) contact(out, c);
            out.append("</registration>\n");
        }
        return out.append("</reginfo>\n").toString();
    }

    private static void contact(StringBuilder out, ContactElement c) {
        attribute(out.append("<contact"), "id", c.id());
        attribute(out, "state", c.state().token());
        attribute(out, "event", c.event().token());
        optional(out, "duration-registered", c.durationRegistered());
        optional(out, "expires", c.expires());
        optional(out, "retry-after", c.retryAfter());
        optional(out, "q", c.q());
        optional(out, "callid", c.callId());
        optional(out, "cseq", c.cseq());
        XmlText.text(out.append("><uri>"), c.uri()).append("</uri>");
        if (c.displayName() != null) XmlText.text(out.append("<display-name>"), c.displayName()).append("</display-name>");
        for (UnknownParam p : c.unknownParams()) {
            attribute(out.append("<unknown-param"), "name", p.name());
            XmlText.text(out.append('>'), p.value()).append("</unknown-param>");
        }
        out.append("</contact>\n");
    }

    private static void optional(StringBuilder out, String name, Object value) {
        if (value != null) attribute(out, name, value.toString());
    }

    private static void attribute(StringBuilder out, String name, String value) {
        XmlText.attribute(out.append(' ').append(name).append("=\""), value).append('"');
    }
}
