package org.herald.presence.reginfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.herald.sip.registrar.Binding;
import org.herald.sip.registrar.Registration;

/**
 * RFC 3680's contact state machine, applied to two successive states of one AOR:
 *
 * <pre>
 *          registered (REGISTER added it)                 expired (its time ran out)
 *   [init] ───────────────────────────────► [active] ─────────────────────────────► [terminated]
 *                                              │  ▲     unregistered (REGISTER with expires 0,
 *                                              └──┘       Contact *, or its connection closed)
 *                                        refreshed (REGISTER renewed it)
 * </pre>
 *
 * Two bindings are the same contact when the registrar says so ({@link Binding#sameBindingAs}); a
 * binding that is stored but past its expiry counts as gone. Herald's registrar has no
 * administrative actions, so created, shortened, deactivated, probation and rejected do not occur.
 * The registrar does not say why a binding went before its time, so a closed connection (for which
 * RFC 3680 would say deactivated) shows as unregistered.
 */
public final class ContactChanges {
    private ContactChanges() {}

    /** One contact's transition. */
    public record Change(Binding binding, ContactState state, ContactEvent event) {}

    /**
     * @param before the AOR as last reported (only its active bindings are taken as known)
     * @param after  the AOR as just stored
     */
    public static List<Change> between(Registration before, Registration after, Instant now) {
        List<Binding> live = after.active(now);
        List<Change> out = new ArrayList<>();
        for (Binding b : live) {
            Binding known = find(before.bindings(), b);
            if (known == null) {
                out.add(new Change(b, ContactState.ACTIVE, ContactEvent.REGISTERED));
            } else if (!known.equals(b)) {
                out.add(new Change(b, ContactState.ACTIVE, ContactEvent.REFRESHED));
            }
        }
        for (Binding b : before.bindings()) {
            if (find(live, b) == null) {
                out.add(new Change(b, ContactState.TERMINATED,
                        b.activeAt(now) ? ContactEvent.UNREGISTERED : ContactEvent.EXPIRED));
            }
        }
        return out;
    }

    private static Binding find(List<Binding> bindings, Binding wanted) {
        for (Binding b : bindings) if (b.sameBindingAs(wanted)) return b;
        return null;
    }
}
