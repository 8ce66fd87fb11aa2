package org.herald.presence.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.herald.sip.event.Dialog;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.Test;

/** RFC 4662 §4.4: full state first, then only the members that changed; full again after a refusal. */
class ListNotificationsTest {
    private static final Aor BOB = Aor.parse("sip:bob@example.com");
    private static final Aor CAROL = Aor.parse("sip:carol@example.com");
    private static final ListService LIST = new ListService(Aor.parse("sip:friends@example.com"), Aor.parse("sip:me@example.com"),
            List.of(BOB, CAROL));
    private final ListNotifications lists = new ListNotifications();

    private static Subscription at(long cseq) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Dialog d = new Dialog("c", "l", "r", "sip:friends@example.com", "sip:me@example.com", "sip:me@h", List.of(), cseq, 1, "sip:h");
        return new Subscription("s1", "presence", "", LIST.uri(), LIST.owner(), d, SubscriptionState.ACTIVE, t.plusSeconds(600),
                List.of(), null, 1000, t);
    }

    private static RlmiBody.Member active(Aor who, String note) {
        return new RlmiBody.Member.Active(who, ("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:x\"><note>" + note
                + "</note></presence>").getBytes(StandardCharsets.UTF_8));
    }

    private String send(long cseq, boolean accepted, RlmiBody.Member... members) {
        NotifyBody b = lists.render(at(cseq), LIST, List.of(members));
        assertEquals(RlmiBody.of(LIST.uri(), 0, List.of(members)).tag(), b.tag(), "the tag of the full state");
        lists.notified(at(cseq), accepted);
        return new String(b.content(), StandardCharsets.UTF_8);
    }

    @Test
    void fullThenPartialAndFullAgainAfterARefusal() {
        String full = send(1, true, active(BOB, "b1"), active(CAROL, "c1"));
        assertTrue(full.contains("fullState=\"true\"") && full.contains("b1") && full.contains("c1"), full);
        String partial = send(2, true, active(BOB, "b1"), active(CAROL, "c2"));
        assertTrue(partial.contains("fullState=\"false\"") && partial.contains("c2"), partial);
        assertFalse(partial.contains("b1") || partial.contains("sip:bob@example.com"), partial);
        assertTrue(send(3, false, active(BOB, "b2"), active(CAROL, "c2")).contains("fullState=\"false\""));
        assertTrue(send(4, true, active(BOB, "b2"), active(CAROL, "c2")).contains("fullState=\"true\""), "after a refusal");
        String pending = send(5, true, active(BOB, "b2"), new RlmiBody.Member.Pending(CAROL));
        assertTrue(pending.contains("state=\"pending\"") && !pending.contains("b2"), pending);
    }
}
