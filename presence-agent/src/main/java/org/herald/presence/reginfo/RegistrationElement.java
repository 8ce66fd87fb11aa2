package org.herald.presence.reginfo;

import java.util.List;
import java.util.Objects;

/**
 * One {@code <registration>}: an address-of-record and its contacts (RFC 3680 §5.1).
 *
 * @param aor the AOR's URI
 * @param id  stable for the AOR
 */
public record RegistrationElement(String aor, String id, RegistrationState state, List<ContactElement> contacts) {

    public RegistrationElement {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        contacts = List.copyOf(contacts);
    }
}
