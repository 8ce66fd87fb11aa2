package org.herald.push.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.herald.push.api.Json;
import org.herald.push.crypto.AsSignature;
import org.herald.push.model.App;
import org.herald.push.model.Device;
import org.herald.push.model.MessageState;
import org.herald.push.model.Protocol;
import org.herald.push.model.PushMessage;
import org.herald.push.token.Tokens;

/**
 * The Notification Server protocol on one connection:
 * <pre>
 *   ── registerUA{uatoken} ──► REGISTERED, backlog sent ──► registerWA{uatoken,watoken,pbkbase64} ─► REGISTERED + url
 *                                                      ├─► getAllMessages{uatoken} ─► every pending notification
 *                                                      └─► ack{messageId} ─► message freed
 * </pre>
 * Everything but registerUA needs the connection's device registered with the same UAToken.
 */
final class NsSession extends DeviceSession {
    private static final int MAX_WATOKEN = 256;
    private static final java.util.concurrent.locks.ReentrantLock[] APP_LOCKS = new java.util.concurrent.locks.ReentrantLock[64];

    static {
        for (int i = 0; i < APP_LOCKS.length; i++) APP_LOCKS[i] = new java.util.concurrent.locks.ReentrantLock();
    }

    NsSession(PushContext ctx, PushConnection connection) {
        super(ctx, connection);
    }

    @Override
    void handle(ObjectNode m) {
        String type = Json.text(m, "messageType");
        switch (type == null ? "" : type) {
            case "registerUA" -> registerUA(m);
            case "registerWA" -> registerWA(m);
            case "getAllMessages" -> getAllMessages(m);
            case "ack" -> ack(m);
            default -> error(NsError.UNKNOWN_TYPE, type == null ? "error" : type);
        }
    }

    private void registerUA(ObjectNode m) {
        Optional<String> device = ctx.tokens().deviceOf(Json.text(m, "uatoken"));
        if (device.isEmpty()) {
            error(NsError.BAD_TOKEN, "registerUA");
            return;
        }
        Instant now = ctx.clock().instant();
        Device d = ctx.devices().find(device.get()).orElse(Device.created(device.get(), Protocol.NOTIFICATION_SERVER, now))
                .withLastSeen(now);
        JsonNode iface = m.get("interface");
        if (iface != null && !iface.isNull()) {
            String ip = Json.text(iface, "ip");
            JsonNode port = iface.get("port");
            if (ip == null || ip.length() > 64 || port == null || !port.canConvertToInt() || port.asInt() < 1 || port.asInt() > 65535) {
                error(NsError.BAD_INTERFACE, "registerUA");
                return;
            }
            d = d.withInterface(ip, port.asInt());
        }
        JsonNode net = m.get("mobilenetwork");
        if (net != null && !net.isNull()) {
            String mcc = digits(net.get("mcc"));
            String mnc = digits(net.get("mnc"));
            if (mcc == null || mnc == null) {
                error(NsError.BAD_INTERFACE, "registerUA");
                return;
            }
            d = d.withNetwork(mcc, mnc);
        }
        ctx.devices().save(d);
        connection.send(Json.write(registered("registerUA")));
        attach(d.id());
    }

    private void registerWA(ObjectNode m) {
        if (!sameDevice(m, "registerWA")) return;
        String waToken = Json.text(m, "watoken");
        String key = Json.text(m, "pbkbase64");
        if (waToken == null || waToken.isEmpty() || waToken.length() > MAX_WATOKEN || key == null) {
            error(NsError.MISSING_FIELD, "registerWA");
            return;
        }
        if (AsSignature.parseKey(key).isEmpty()) {
            error(NsError.BAD_KEY, "registerWA");
            return;
        }
        String appToken = Tokens.appToken(waToken, key);
        var lock = APP_LOCKS[Math.floorMod(appToken.hashCode(), APP_LOCKS.length)];
        lock.lock(); // devices sharing a WAToken register concurrently: one read-modify-write at a time
        try {
            Optional<App> existing = ctx.apps().find(appToken);
            App app = existing.orElse(new App(appToken, waToken, key, java.util.List.of(), ctx.clock().instant()));
            App withUs = app.withDevice(deviceId());
            if (existing.isEmpty() || withUs != app) ctx.apps().save(withUs);
        } finally {
            lock.unlock();
        }
        connection.send(Json.write(registered("registerWA").put("url", ctx.notifyUrl(appToken))));
    }

    private void getAllMessages(ObjectNode m) {
        if (!sameDevice(m, "getAllMessages")) return;
        ArrayNode list = Json.MAPPER.createArrayNode();
        Instant now = ctx.clock().instant();
        ctx.messages().pendingFor(deviceId()).stream().filter(x -> !x.expiredAt(now)).forEach(x -> list.add(render(x)));
        ObjectNode reply = Json.node().put("messageType", "getAllMessages").put("status", "OK").put("statusCode", 200);
        reply.set("messages", list);
        connection.send(Json.write(reply));
    }

    private void ack(ObjectNode m) {
        if (deviceId() == null) {
            error(NsError.NOT_REGISTERED, "ack");
            return;
        }
        String id = Json.text(m, "messageId");
        if (id == null || id.length() > 64) {
            error(NsError.MISSING_FIELD, "ack");
            return;
        }
        if (!finish(id, MessageState.ACKED)) error(NsError.UNKNOWN_MESSAGE, "ack");
    }

    /** Whether the message's UAToken is valid and is the device registered on this connection; answers the error if not. */
    private boolean sameDevice(ObjectNode m, String type) {
        Optional<String> device = ctx.tokens().deviceOf(Json.text(m, "uatoken"));
        if (device.isEmpty()) {
            error(NsError.BAD_TOKEN, type);
            return false;
        }
        if (!device.get().equals(deviceId())) {
            error(NsError.NOT_REGISTERED, type);
            return false;
        }
        return true;
    }

    @Override
    ObjectNode render(PushMessage x) {
        return Json.node().put("messageType", "notification").put("id", x.asId()).put("message", x.body())
                .put("timestamp", x.timestamp()).put("priority", x.priority().number()).put("messageId", x.id())
                .put("url", ctx.notifyUrl(x.target()));
    }

    private static ObjectNode registered(String type) {
        return Json.node().put("status", "REGISTERED").put("statusCode", 200).put("messageType", type);
    }

    void error(NsError e, String type) {
        connection.send(Json.write(errorJson(e, type)));
    }

    static ObjectNode errorJson(NsError e, String type) {
        return Json.node().put("status", "ERROR").put("statusCode", e.code).put("reason", e.reason).put("messageType", type);
    }

    private static String digits(JsonNode n) {
        if (n == null) return null;
        String s = n.isNumber() ? n.asText() : n.isTextual() ? n.asText() : null;
        return s != null && s.matches("[0-9]{2,3}") ? s : null;
    }
}
