package org.herald.presence.reginfo;

import java.util.List;
import java.util.Objects;

/**
 * One {@code <contact>} of a registration (RFC 3680 §5.1). Optional attributes are null when absent.
 *
 * @param id                 stable while the binding exists, so partial documents can refer to it
 * @param durationRegistered seconds the contact has been bound
 * @param expires            seconds until it expires
 * @param retryAfter         seconds after which a client may re-register (probation only)
 * @param q                  the q-value as written, e.g. {@code 0.8}
 */
public record ContactElement(String id, ContactState state, ContactEvent event, Long durationRegistered,
                             Long expires, Long retryAfter, String q, String callId, Long cseq, String uri,
                             String displayName, List<UnknownParam> unknownParams) {

    public ContactElement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(uri, "uri");
        unknownParams = List.copyOf(unknownParams);
    }
}
