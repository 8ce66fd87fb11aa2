package org.herald.sip.message;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An incoming SIP request as the core sees it: the stack has parsed the structured headers (From,
 * To, Contact, CSeq) and hands every header's raw value along in {@link #headers()}.
 *
 * @param localTarget the listening point that received it, as a SIP URI host:port;transport for
 *                    Record-Route and Contact headers Herald writes
 */
public record SipRequest(
        String method,
        String requestUri,
        NameAddr from,
        NameAddr to,
        String callId,
        long cseq,
        List<NameAddr> contacts,
        boolean contactWildcard,
        Headers headers,
        byte[] body,
        Flow flow,
        String localTarget) {

    public SipRequest {
        method = method.toUpperCase(Locale.ROOT);
        contacts = List.copyOf(contacts);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        return headers.first(name);
    }

    public List<String> headerValues(String name) {
        return headers.all(name);
    }

    /** The Expires header as a number of seconds, absent if missing or not a number. */
    public OptionalInt expires() {
        return header("Expires").map(SipRequest::parseDeltaSeconds).orElse(OptionalInt.empty());
    }

    public Optional<MediaType> contentType() {
        return header("Content-Type").map(MediaType::parse);
    }

    public Optional<ParameterizedValue> event() {
        return header("Event").map(ParameterizedValue::parse);
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** Whether the client listed the option tag in Supported or Require. */
    public boolean supports(String optionTag) {
        return tokens("Supported").contains(optionTag) || tokens("Require").contains(optionTag);
    }

    public List<String> tokens(String headerName) {
        return headerValues(headerName).stream()
                .flatMap(v -> ParameterizedValue.splitOutsideQuotes(v, ',').stream())
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    public Aor fromAor() {
        return from.aor();
    }

    public Aor toAor() {
        return to.aor();
    }

    public Aor requestAor() {
        return Aor.parse(requestUri);
    }

    public static OptionalInt parseDeltaSeconds(String text) {
        try {
            long v = Long.parseLong(text.trim());
            return v < 0 ? OptionalInt.empty() : OptionalInt.of((int) Math.min(v, Integer.MAX_VALUE));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public String toString() {
        return method + " " + requestUri + " (Call-ID " + callId + ", CSeq " + cseq + ", via " + flow + ")";
    }
}
