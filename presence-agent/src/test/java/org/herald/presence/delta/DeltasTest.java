package org.herald.presence.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeltasTest {
    private final Deltas<String> deltas = new Deltas<>();

    @Test
    void aSubscriberStartsWithFullStateThenSeesWhatChangedSinceItsLastNotify() {
        deltas.changed("a", "a1"); // before anyone subscribed: nobody to tell
        assertEquals(new Deltas.Next.Full<String>(), deltas.take("s1", true));
        deltas.changed("a", "a2");
        deltas.changed("b", "b1");
        deltas.changed("a", "a3");
        assertEquals(new Deltas.Next.Partial<>(List.of("b1", "a3")), deltas.take("s1", true), "newest snapshot, latest last");
        assertEquals(new Deltas.Next.Partial<String>(List.of()), deltas.take("s1", true));
    }

    @Test
    void aForgottenOrUnkeptSubscriberGetsFullStateAndLeavesNothing() {
        deltas.take("s1", true);
        deltas.forget("s1");
        assertTrue(deltas.isEmpty());
        assertEquals(new Deltas.Next.Full<String>(), deltas.take("s1", false));
        assertTrue(deltas.isEmpty(), "not kept");
        deltas.take("s2", true);
        deltas.changed("a", "a1");
        assertEquals(new Deltas.Next.Partial<>(List.of("a1")), deltas.take("s2", false), "a last partial NOTIFY");
        assertTrue(deltas.isEmpty());
    }
}
