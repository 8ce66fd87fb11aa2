package org.herald.sip.message;

import java.util.List;

/**
 * A request Herald originates inside a dialog it keeps itself (a NOTIFY): the stack adds Via,
 * Max-Forwards and Content-Length and sends it along {@link #flow()} when that is set, else to the
 * first route or the request URI.
 */
public record OutgoingRequest(
        String method,
        String requestUri,
        NameAddr from,
        NameAddr to,
        String callId,
        long cseq,
        List<String> routeSet,
        Headers headers,
        byte[] body,
        Flow flow) {

    public OutgoingRequest {
        routeSet = List.copyOf(routeSet);
        body = body == null ? new byte[0] : body;
    }
}
