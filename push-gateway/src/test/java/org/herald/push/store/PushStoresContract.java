package org.herald.push.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.herald.push.model.App;
import org.herald.push.model.Channel;
import org.herald.push.model.Device;
import org.herald.push.model.MessageState;
import org.herald.push.model.Priority;
import org.herald.push.model.Protocol;
import org.herald.push.model.PushMessage;
import org.junit.jupiter.api.Test;

/**
 * What every backend of the four push stores must do (devices, apps, channels, messages); each
 * backend's test extends this. One contract class for the four because they are used together.
 */
public abstract class PushStoresContract {
    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    protected abstract DeviceStore devices();

    protected abstract AppStore apps();

    protected abstract ChannelStore channels();

    protected abstract MessageStore messages();

    static PushMessage message(String id, String device, Priority p, MessageState state, Instant expires) {
        return new PushMessage(id, "g-" + id, device, Protocol.MOZILLA, "chan", null, "ZGF0YQ",
                Map.of("encoding", "aes128gcm"), p, "topic", 42, T0, expires, state, T0);
    }

    @Test
    void devicesKeepEveryField() {
        Device d = new Device("0123456789abcdef0123456789abcdef", Protocol.NOTIFICATION_SERVER, T0, T0.plusSeconds(5),
                "10.0.0.1", 5000, "214", "07");
        devices().save(d);
        assertEquals(d, devices().find(d.id()).orElseThrow());
        Device bare = Device.created("fedcba9876543210fedcba9876543210", Protocol.MOZILLA, T0);
        devices().save(bare);
        assertEquals(bare, devices().find(bare.id()).orElseThrow());
        assertTrue(devices().delete(bare.id()));
        assertTrue(devices().find(bare.id()).isEmpty());
        assertFalse(devices().delete(bare.id()));
    }

    @Test
    void appsKeepTheirDevices() {
        App app = new App("a".repeat(64), "wa", "KEY", List.of("d1"), T0);
        apps().save(app);
        apps().save(app.withDevice("d2"));
        assertEquals(List.of("d1", "d2"), apps().find(app.appToken()).orElseThrow().devices());
        assertEquals(app.withDevice("d2"), apps().find(app.appToken()).orElseThrow());
        assertTrue(apps().delete(app.appToken()));
        assertTrue(apps().find(app.appToken()).isEmpty());
    }

    @Test
    void channelsByDeviceAndId() {
        Channel a = new Channel("u1", "c-a", "BKEY", T0);
        Channel b = new Channel("u1", "c-b", null, T0);
        Channel other = new Channel("u2", "c-a", null, T0);
        List.of(a, b, other).forEach(channels()::save);
        assertEquals(a, channels().find("u1", "c-a").orElseThrow());
        assertEquals(other, channels().find("u2", "c-a").orElseThrow());
        assertEquals(2, channels().ofDevice("u1").size());
        assertTrue(channels().delete("u1", "c-a"));
        assertTrue(channels().find("u1", "c-a").isEmpty());
        assertEquals(List.of(b), channels().ofDevice("u1"));
    }

    @Test
    void pendingMessagesComeMostUrgentFirstThenInOrder() {
        Instant later = T0.plusSeconds(60);
        messages().save(message("0001", "d", Priority.LOW, MessageState.ACCEPTED, later));
        messages().save(message("0002", "d", Priority.HIGH, MessageState.DELIVERED, later));
        messages().save(message("0003", "d", Priority.NORMAL, MessageState.ACCEPTED, later));
        messages().save(message("0004", "d", Priority.HIGH, MessageState.ACCEPTED, later));
        messages().save(message("0005", "d", Priority.HIGH, MessageState.ACKED, later));
        messages().save(message("0006", "other", Priority.HIGH, MessageState.ACCEPTED, later));
        assertEquals(List.of("0002", "0004", "0003", "0001"), messages().pendingFor("d").stream().map(PushMessage::id).toList());
        PushMessage stored = messages().find("0003").orElseThrow();
        assertEquals(message("0003", "d", Priority.NORMAL, MessageState.ACCEPTED, later), stored);
    }

    @Test
    void stateChangesExpiryAndForgetting() {
        messages().save(message("0001", "d", Priority.NORMAL, MessageState.ACCEPTED, T0.plusSeconds(10)));
        messages().save(message("0002", "d", Priority.NORMAL, MessageState.DELIVERED, T0.plusSeconds(100)));
        assertEquals(List.of("0001"), messages().expired(T0.plusSeconds(50), 10).stream().map(PushMessage::id).toList());
        messages().save(messages().find("0001").orElseThrow().withState(MessageState.EXPIRED, T0.plusSeconds(50)));
        assertTrue(messages().expired(T0.plusSeconds(50), 10).isEmpty());
        assertEquals(List.of("0002"), messages().pendingFor("d").stream().map(PushMessage::id).toList());
        assertEquals(MessageState.EXPIRED, messages().inGroup("g-0001").get(0).state());
        assertEquals(List.of("0001"), messages().finishedBefore(T0.plusSeconds(51), 10).stream().map(PushMessage::id).toList());
        assertTrue(messages().finishedBefore(T0.plusSeconds(50), 10).isEmpty());
        assertTrue(messages().delete("0001"));
        assertTrue(messages().find("0001").isEmpty());
    }
}
