package org.herald.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * A response the core wants sent. The stack copies Via, From, To, Call-ID and CSeq from the request
 * and adds a To tag when the request had none ({@link #toTag()} when the core chose one, as for a
 * dialog-creating SUBSCRIBE). Content-Type goes in the headers; Content-Length is the stack's job.
 */
public record SipResponse(int status, String reason, Headers headers, byte[] body, String toTag) {

    public SipResponse {
        if (status < 100 || status > 699) throw new IllegalArgumentException("status " + status);
        reason = reason == null ? StatusReasons.of(status) : reason;
        body = body == null ? new byte[0] : body;
    }

    public static SipResponse of(int status) {
        return new SipResponse(status, null, Headers.empty(), null, null);
    }

    public static SipResponse of(int status, String reason) {
        return new SipResponse(status, reason, Headers.empty(), null, null);
    }

    public SipResponse withHeader(String name, Object value) {
        return new SipResponse(status, reason, headers.toBuilder().add(name, value).build(), body, toTag);
    }

    public SipResponse withHeaders(Headers more) {
        return new SipResponse(status, reason, headers.toBuilder().addAll(more).build(), body, toTag);
    }

    public SipResponse withBody(String contentType, byte[] content) {
        return new SipResponse(status, reason, headers.toBuilder().set("Content-Type", contentType).build(),
                content, toTag);
    }

    public SipResponse withToTag(String tag) {
        return new SipResponse(status, reason, headers, body, tag);
    }

    /** A Warning header (RFC 3261 §20.43) with code 399 (miscellaneous) naming the problem. */
    public SipResponse withWarning(String agent, String text) {
        String safe = text.replace("\\", "/").replace("\"", "'").replaceAll("[\\r\\n]+", " ");
        if (safe.length() > 200) safe = safe.substring(0, 200);
        return withHeader("Warning", "399 " + agent + " \"" + safe + "\"");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return status + " " + reason;
    }
}
