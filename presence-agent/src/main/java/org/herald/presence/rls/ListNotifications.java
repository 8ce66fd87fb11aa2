package org.herald.presence.rls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.event.Subscription;
import org.herald.sip.message.Aor;

/**
 * Full and partial state for list subscriptions (RFC 4662 §4.4): the NOTIFY answering a SUBSCRIBE and
 * any after a NOTIFY that was not taken carry every member ({@code fullState="true"}); the others carry
 * only the members whose state changed since the last NOTIFY the subscriber took, whose version was
 * the one just before. Members that left the list are reported terminated once.
 */
public final class ListNotifications {
    /** What each subscriber has: every member's state key, from the NOTIFY of that version. */
    private record Known(long version, long remoteCseq, Map<Aor, String> states) {}

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Known> pending = new ConcurrentHashMap<>();

    public NotifyBody render(Subscription s, ListService list, List<RlmiBody.Member> members) {
        long version = s.dialog().localCseq();
        Map<Aor, String> states = new LinkedHashMap<>();
        for (RlmiBody.Member m : members) states.put(m.uri(), RlmiBody.stateKey(m));
        Known base = known.get(s.id());
        pending.put(s.id(), new Known(version, s.dialog().remoteCseq(), states));
        if (base == null || base.version() != version - 1 || base.remoteCseq() != s.dialog().remoteCseq()) {
            return RlmiBody.of(list.uri(), version, members);
        }
        List<RlmiBody.Member> changed = new ArrayList<>();
        for (RlmiBody.Member m : members) {
            if (!states.get(m.uri()).equals(base.states().get(m.uri()))) changed.add(m);
        }
        for (Aor gone : base.states().keySet()) {
            if (!states.containsKey(gone)) changed.add(new RlmiBody.Member.Rejected(gone));
        }
        return RlmiBody.of(list.uri(), version, changed, members, false);
    }

    /** Taken: its state is the subscriber's; not taken: the next NOTIFY is full state. */
    public void notified(Subscription s, boolean accepted) {
        Known rendered = pending.remove(s.id());
        if (!accepted) known.remove(s.id());
        else if (rendered != null && rendered.version() == s.dialog().localCseq()) known.put(s.id(), rendered);
    }

    public void forget(String subscriptionId) {
        known.remove(subscriptionId);
        pending.remove(subscriptionId);
    }
}
