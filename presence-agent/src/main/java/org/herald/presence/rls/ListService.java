package org.herald.presence.rls;

import java.util.List;
import org.herald.sip.message.Aor;

/**
 * A resource list service (RFC 4662, defined by an RFC 4826 rls-services document): subscribing to
 * {@code uri} subscribes to the presence of every member.
 *
 * @param owner   the user whose rls-services document defines it: who may subscribe to it
 * @param members in document order, each once
 */
public record ListService(Aor uri, Aor owner, List<Aor> members) {
    public ListService {
        members = List.copyOf(members);
    }
}
