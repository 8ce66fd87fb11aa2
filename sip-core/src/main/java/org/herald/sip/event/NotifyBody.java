package org.herald.sip.event;

/**
 * A NOTIFY body. The content type goes out exactly as given (no parameters added: some phones reject
 * a charset on {@code application/pidf+xml}).
 */
public record NotifyBody(String contentType, byte[] content) {
    public static final NotifyBody NONE = new NotifyBody(null, new byte[0]);
}
