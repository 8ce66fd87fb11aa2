package org.herald.presence.xcap;

/**
 * Why a request cannot be done, as the answer to give: a 409 with an {@link XcapConflict}, or a
 * plain status (400, 403, 404, 405, 412, 413, 415). Thrown inside the XCAP core and turned into an
 * {@link XcapResponse} by {@link XcapService}; it never leaves the package's public API.
 */
public final class XcapException extends RuntimeException {
    private final transient XcapResponse response;

    private XcapException(String message, XcapResponse response) {
        super(message, null, false, false);
        this.response = response;
    }

    public static XcapException conflict(XcapConflict conflict) {
        return new XcapException(conflict.condition().element() + ": " + conflict.phrase(), XcapResponse.conflict(conflict));
    }

    public static XcapException conflict(XcapConflict.Condition condition, String phrase) {
        return conflict(XcapConflict.of(condition, phrase));
    }

    public static XcapException status(int status, String reason) {
        return new XcapException(status + " " + reason, XcapResponse.text(status, reason));
    }

    /** Answer with exactly this response. */
    public static XcapException answer(XcapResponse response) {
        return new XcapException(String.valueOf(response.status()), response);
    }

    public static XcapException badRequest(String reason) {
        return status(400, reason);
    }

    public static XcapException notFound(String reason) {
        return status(404, reason);
    }

    public XcapResponse response() {
        return response;
    }
}
