package org.herald.push.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herald.push.crypto.AsSignature;
import org.herald.push.model.App;
import org.herald.push.model.MessageState;
import org.herald.push.model.Priority;
import org.herald.push.model.Protocol;
import org.herald.push.model.PushMessage;
import org.herald.push.session.PushContext;
import org.herald.storage.StoreException;

/**
 * The Notification Server protocol's application-server API, {@code POST /notify/{appToken}} with
 * {@code {messageType:"notification", id, message, signature, ttl, timestamp, priority}}. Checks in
 * this order, each with its fixed reason; ACCEPTED only once every device's copy is stored.
 */
public final class NotifyApi {
    public static final String BODY_TOO_BIG = "Body too big";
    public static final String NOT_JSON = "JSON not valid";
    public static final String NOT_NOTIFICATION = "Not messageType=notification";
    public static final String NO_APP = "No valid AppToken";
    public static final String UNSIGNED = "You must sign your message with your Private Key";
    public static final String BAD_SIGNATURE = "Bad signature, dropping notification";
    public static final String TRY_LATER = "Try again later";
    private static final int MAX_ID = 256;

    private final PushContext ctx;
    private final RateLimiter perApp;
    private final Delivery delivery;

    public NotifyApi(PushContext ctx, RateLimiter perApp, Delivery delivery) {
        this.ctx = ctx;
        this.perApp = perApp;
        this.delivery = delivery;
    }

    public ApiReply post(String appToken, byte[] body) {
        if (body.length > ctx.config().maxNotifyBody()) return error(413, BODY_TOO_BIG);
        Optional<ObjectNode> parsed = Json.object(body);
        if (parsed.isEmpty()) return error(400, NOT_JSON);
        ObjectNode n = parsed.get();
        if (!"notification".equals(Json.text(n, "messageType"))) return error(400, NOT_NOTIFICATION);
        String message = Json.text(n, "message");
        if (message == null) return error(400, NOT_JSON);
        Optional<App> app = appToken.matches("[0-9a-f]{64}") ? ctx.apps().find(appToken) : Optional.empty();
        if (app.isEmpty() || app.get().devices().isEmpty()) return error(404, NO_APP);
        String signature = Json.text(n, "signature");
        if (signature == null || signature.isEmpty()) return error(401, UNSIGNED);
        Optional<PublicKey> key = AsSignature.parseKey(app.get().publicKey());
        if (key.isEmpty() || !AsSignature.verify(key.get(), message, signature)) return error(401, BAD_SIGNATURE);
        Optional<Duration> wait = perApp.acquire("ns:" + appToken);
        if (wait.isPresent()) return error(429, TRY_LATER).withHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));

        Instant now = ctx.clock().instant();
        String group = ctx.ids().next();
        Duration ttl = ttl(n.get("ttl"));
        Priority priority = n.has("priority") && n.get("priority").canConvertToInt()
                ? Priority.ofNumber(n.get("priority").asInt()).orElse(Priority.NORMAL) : Priority.NORMAL;
        JsonNode id = n.get("id");
        String asId = id == null || id.isNull() ? null : id.asText();
        if (asId != null && asId.length() > MAX_ID) return error(400, NOT_JSON);
        JsonNode ts = n.get("timestamp");
        long timestamp = ts != null && ts.canConvertToLong() ? ts.asLong() : now.getEpochSecond();
        List<PushMessage> copies = new ArrayList<>();
        for (String device : app.get().devices()) {
            copies.add(new PushMessage(copies.isEmpty() ? group : ctx.ids().next(), group, device,
                    Protocol.NOTIFICATION_SERVER, appToken, asId, message, Map.of(), priority, null, timestamp, now,
                    now.plus(ttl), MessageState.ACCEPTED, now));
        }
        try {
            copies.forEach(ctx.messages()::save);
        } catch (StoreException e) {
            return error(503, TRY_LATER).withHeader("Retry-After", "5");
        }
        copies.forEach(delivery::deliver);
        return ApiReply.json(200, Json.node().put("status", "ACCEPTED").put("messageId", group));
    }

    private Duration ttl(JsonNode ttl) {
        Duration max = ctx.config().maxTtl();
        if (ttl == null || !ttl.canConvertToLong() || ttl.asLong() <= 0) return max; // none or 0: as long as allowed
        Duration d = Duration.ofSeconds(ttl.asLong());
        return d.compareTo(max) > 0 ? max : d;
    }

    static ApiReply error(int status, String reason) {
        return ApiReply.json(status, Json.node().put("status", "ERROR").put("reason", reason));
    }
}
