package org.herald.push.session;

/** The Notification Server protocol's WebSocket errors: {@code {status:"ERROR", statusCode, reason, messageType}}. */
public enum NsError {
    NOT_JSON(400, "Data received is not a valid JSON package"),
    UNKNOWN_TYPE(400, "messageType not recognized"),
    MISSING_FIELD(400, "Missing or malformed field"),
    BAD_KEY(400, "Public key not valid: base64 X.509 RSA (2048 bits or more) or EC P-256"),
    BAD_INTERFACE(400, "interface or mobilenetwork not valid"),
    BAD_TOKEN(401, "Token not valid for this server"),
    NOT_REGISTERED(403, "UA not registered: send registerUA first"),
    UNKNOWN_MESSAGE(404, "No such message for this device"),
    TOO_BIG(413, "Message too big"),
    TRY_LATER(429, "Try again later");

    public final int code;
    public final String reason;

    NsError(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }
}
