package org.herald.sip.event;

import java.util.Arrays;
import java.util.Objects;

/**
 * The body of a SUBSCRIBE that the event package keeps with the subscription (e.g. an RFC 4661 filter
 * document), so that it survives a restart. A refresh without a body keeps it; one with a body replaces it.
 *
 * @param contentType as the subscriber sent it, or null for none
 * @param content     never null; empty for none
 */
public record SubscribeBody(String contentType, byte[] content) {
    public static final SubscribeBody NONE = new SubscribeBody(null, new byte[0]);

    public SubscribeBody {
        content = content == null ? new byte[0] : content;
    }

    public boolean isEmpty() {
        return content.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubscribeBody b && Objects.equals(contentType, b.contentType) && Arrays.equals(content, b.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType) * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "SubscribeBody[" + contentType + ", " + content.length + " bytes]";
    }
}
