package org.herald.sip.event;

/**
 * A NOTIFY body. The content type goes out exactly as given (no parameters added: some phones reject
 * a charset on {@code application/pidf+xml}).
 *
 * @param entityTag the RFC 5839 entity tag of the full state the watcher has once it takes this body,
 *                  or null to derive it from the body (right for full-state bodies; a package sending
 *                  partial state gives the tag of the full state it amounts to)
 */
public record NotifyBody(String contentType, byte[] content, String entityTag) {
    public static final NotifyBody NONE = new NotifyBody(null, new byte[0]);

    public NotifyBody(String contentType, byte[] content) {
        this(contentType, content, null);
    }

    /** The entity tag to send in SIP-ETag, null for a NOTIFY without state. */
    public String tag() {
        if (contentType == null) return null;
        return entityTag != null ? entityTag : EntityTags.of(contentType, content);
    }
}
