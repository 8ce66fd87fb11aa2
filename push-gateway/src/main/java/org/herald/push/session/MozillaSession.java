package org.herald.push.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.herald.push.api.Json;
import org.herald.push.crypto.P256;
import org.herald.push.model.Channel;
import org.herald.push.model.Device;
import org.herald.push.model.MessageState;
import org.herald.push.model.Protocol;
import org.herald.push.model.PushMessage;
import org.herald.push.token.Tokens;

/**
 * The Mozilla push protocol as autopush speaks it to Firefox:
 * <pre>
 *   ── hello{uaid?,use_webpush} ──► hello{uaid,status:200,use_webpush:true}, unacked messages sent again
 *        ├─ register{channelID,key?} ─► register{status:200,pushEndpoint}
 *        ├─ unregister{channelID}     ─► unregister{status:200}
 *        ├─ ack{updates:[{channelID,version,code}]} / nack{version,code} ─► acked (code 100) or rejected
 *        ├─ broadcast_subscribe{broadcasts} ─► nothing (no broadcast ever changes here)
 *        └─ {} (ping)                 ─► {}
 * </pre>
 * Anything else, or anything before hello, closes the connection, as autopush does.
 */
final class MozillaSession extends DeviceSession {
    private static final int MAX_CHANNELS = 200;

    MozillaSession(PushContext ctx, PushConnection connection) {
        super(ctx, connection);
    }

    @Override
    void handle(ObjectNode m) {
        String type = Json.text(m, "messageType");
        if (type == null) {
            if (m.isEmpty()) connection.send("{}"); // ping
            else connection.close();
            return;
        }
        if (!type.equals("hello") && deviceId() == null) {
            connection.close();
            return;
        }
        switch (type) {
            case "hello" -> hello(m);
            case "register" -> register(m);
            case "unregister" -> unregister(m);
            case "ack" -> ack(m);
            case "nack" -> nack(m);
            case "broadcast_subscribe" -> { } // Herald has no broadcasts (remote-settings etc.): nothing ever changes
            default -> connection.close();
        }
    }

    private void hello(ObjectNode m) {
        if (deviceId() != null) { // a second hello on one connection
            connection.close();
            return;
        }
        Instant now = ctx.clock().instant();
        String asked = Json.text(m, "uaid");
        Optional<Device> known = Tokens.isDeviceId(asked) ? ctx.devices().find(asked.toLowerCase(java.util.Locale.ROOT))
                .filter(d -> d.protocol() == Protocol.MOZILLA) : Optional.empty();
        // an unknown uaid gets a new one: Firefox then drops its old subscriptions and makes new ones
        Device device = known.orElseGet(() -> Device.created(Tokens.newDeviceId(), Protocol.MOZILLA, now)).withLastSeen(now);
        ctx.devices().save(device);
        ObjectNode reply = Json.node().put("messageType", "hello").put("uaid", device.id()).put("status", 200)
                .put("use_webpush", true);
        reply.set("broadcasts", Json.node());
        connection.send(Json.write(reply));
        attach(device.id());
    }

    private void register(ObjectNode m) {
        String channelId = channelId(m);
        if (channelId == null) {
            connection.send(Json.write(Json.node().put("messageType", "register").put("status", 400)));
            return;
        }
        String key = Json.text(m, "key");
        if (key != null && P256.parse(key).isEmpty()) {
            reply("register", channelId, 400);
            return;
        }
        Optional<Channel> existing = ctx.channels().find(deviceId(), channelId);
        if (existing.isEmpty()) {
            if (ctx.channels().ofDevice(deviceId()).size() >= MAX_CHANNELS) {
                reply("register", channelId, 413);
                return;
            }
            ctx.channels().save(new Channel(deviceId(), channelId, key, ctx.clock().instant()));
        } else if (!java.util.Objects.equals(existing.get().appServerKey(), key)) {
            reply("register", channelId, 409); // the same channel with another key
            return;
        }
        connection.send(Json.write(Json.node().put("messageType", "register").put("channelID", channelId)
                .put("status", 200).put("pushEndpoint", ctx.pushEndpoint(deviceId(), channelId))));
    }

    private void unregister(ObjectNode m) {
        String channelId = channelId(m);
        if (channelId == null) {
            connection.send(Json.write(Json.node().put("messageType", "unregister").put("status", 400)));
            return;
        }
        ctx.channels().delete(deviceId(), channelId);
        Instant now = ctx.clock().instant();
        for (PushMessage pending : ctx.messages().pendingFor(deviceId())) { // nobody will take them any more
            if (!pending.target().equals(channelId)) continue;
            forget(pending.id());
            ctx.messages().save(pending.withState(MessageState.UNSUBSCRIBED, now));
        }
        reply("unregister", channelId, 200);
    }

    private void ack(ObjectNode m) {
        JsonNode updates = m.get("updates");
        if (updates == null || !updates.isArray()) return;
        for (JsonNode u : updates) {
            String version = Json.text(u, "version");
            // Firefox's codes: 100 delivered to the service worker, 101 decryption failed, 102 not delivered
            int code = u.path("code").asInt(100);
            if (version != null && version.length() <= 64) finish(version, code == 100 ? MessageState.ACKED : MessageState.REJECTED);
        }
    }

    private void nack(ObjectNode m) {
        String version = Json.text(m, "version");
        if (version != null && version.length() <= 64) finish(version, MessageState.REJECTED);
    }

    private void reply(String type, String channelId, int status) {
        connection.send(Json.write(Json.node().put("messageType", type).put("channelID", channelId).put("status", status)));
    }

    /** The channel id, if it is a UUID (Firefox sends the dashed form), lower-cased. */
    private static String channelId(ObjectNode m) {
        String id = Json.text(m, "channelID");
        if (id == null || id.length() > 36) return null;
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    ObjectNode render(PushMessage x) {
        ObjectNode n = Json.node().put("messageType", "notification").put("channelID", x.target()).put("version", x.id())
                .put("ttl", Math.max(0, Duration.between(ctx.clock().instant(), x.expiresAt()).toSeconds()));
        if (x.body() != null && !x.body().isEmpty()) {
            n.put("data", x.body());
            ObjectNode headers = n.putObject("headers");
            x.headers().forEach(headers::put);
        }
        return n;
    }
}
