package org.herald.presence.pidf;

import java.time.Instant;
import java.util.List;
import org.herald.presence.xml.XmlFragment;

/**
 * RPID {@code <sphere>} (RFC 4480 §3.11): the role the person is in, such as work or home. The RFC's
 * example uses free text ({@code bowling league}) although its schema declares no mixed content; both
 * forms are accepted. At most one of value, text and extensions.
 *
 * @param kind       {@code <home/>}, {@code <work/>} or {@code <unknown/>}, or null
 * @param text       free text as published, or null
 * @param extensions spheres of other namespaces, verbatim
 * @param from       when it began, or null
 * @param until      when it ends, or null
 * @param id         the element's {@code id}, or null
 */
public record Sphere(Kind kind, String text, List<XmlFragment> extensions, Instant from, Instant until, String id)
        implements Timed {

    public enum Kind {
        HOME, WORK, UNKNOWN;
        private static final Tokens<Kind> TOKENS = Tokens.hyphenated(values());

        public String token() {
            return TOKENS.token(this);
        }

        public static Kind parse(String token) {
            return TOKENS.parse(token);
        }
    }

    public Sphere {
        extensions = List.copyOf(extensions);
        int given = (kind != null ? 1 : 0) + (text != null ? 1 : 0) + (extensions.isEmpty() ? 0 : 1);
        if (given > 1) throw new IllegalArgumentException("<sphere> mixes text and elements or has several values");
    }

    public static Sphere of(Kind kind) {
        return new Sphere(kind, null, List.of(), null, null, null);
    }

    public static Sphere of(String text) {
        return new Sphere(null, text, List.of(), null, null, null);
    }

    /** The sphere's name: the value's token, the text, or null for extensions or an empty element. */
    public String name() {
        return kind != null ? kind.token() : text;
    }
}
