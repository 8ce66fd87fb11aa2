package org.herald.push.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.herald.push.model.MessageState;
import org.herald.push.model.Priority;
import org.herald.push.model.Protocol;
import org.herald.push.model.PushMessage;
import org.junit.jupiter.api.Test;

class OutboxTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static PushMessage message(String id) {
        return new PushMessage(id, id, "d", Protocol.MOZILLA, "c", null, "", Map.of(), Priority.NORMAL, null, 0, T0,
                T0.plusSeconds(3600), MessageState.ACCEPTED, T0);
    }

    @Test
    void resendsWithDoublingWaitsUpToTheMaximum() {
        Outbox box = new Outbox(Duration.ofSeconds(10), Duration.ofSeconds(30));
        assertTrue(box.add(message("a"), T0));
        assertFalse(box.add(message("a"), T0), "a duplicate offer is not sent twice");
        assertEquals(List.of(), box.due(T0.plusSeconds(9)));
        assertEquals(1, box.due(T0.plusSeconds(10)).size()); // then waits 20
        assertEquals(List.of(), box.due(T0.plusSeconds(29)));
        assertEquals(1, box.due(T0.plusSeconds(30)).size()); // then 40, capped at 30
        assertEquals(List.of(), box.due(T0.plusSeconds(59)));
        assertEquals(1, box.due(T0.plusSeconds(60)).size());
        assertEquals("a", box.remove("a").orElseThrow().id());
        assertEquals(List.of(), box.due(T0.plusSeconds(1000)));
        assertEquals(0, box.size());
    }
}
