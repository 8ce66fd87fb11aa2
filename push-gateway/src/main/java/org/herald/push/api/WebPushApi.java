package org.herald.push.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.herald.push.crypto.P256;
import org.herald.push.crypto.Vapid;
import org.herald.push.model.Channel;
import org.herald.push.model.MessageState;
import org.herald.push.model.Priority;
import org.herald.push.model.Protocol;
import org.herald.push.model.PushMessage;
import org.herald.push.session.PushContext;
import org.herald.push.token.Tokens;
import org.herald.storage.StoreException;

/**
 * RFC 8030 §5 message delivery: {@code POST /wpush/{token}} with an encrypted body (RFC 8291/8188
 * {@code aes128gcm}, or the older {@code aesgcm} with its Encryption and Crypto-Key headers, passed on
 * to the browser untouched), {@code TTL}, {@code Urgency} and {@code Topic}; RFC 8292 VAPID is required
 * when the subscription was made with an applicationServerKey. Answers {@code 201} (or {@code 202} to
 * {@code Prefer: respond-async}) with the message's {@code Location}, where {@code GET} tells its state.
 * Errors use autopush's JSON shape ({@code code, errno, error, message}).
 */
public final class WebPushApi {
    private static final int MAX_TOPIC = 32;

    private final PushContext ctx;
    private final RateLimiter perChannel;
    private final RateLimiter perDevice;
    private final RateLimiter perServer;
    private final Delivery delivery;
    private final String audience;

    public WebPushApi(PushContext ctx, RateLimiter perChannel, RateLimiter perDevice, RateLimiter perServer, Delivery delivery) {
        this.ctx = ctx;
        this.perChannel = perChannel;
        this.perDevice = perDevice;
        this.perServer = perServer;
        this.delivery = delivery;
        URI u = URI.create(ctx.config().publicUrl());
        this.audience = u.getScheme() + "://" + u.getRawAuthority();
    }

    /** @param header a request header by name (case-insensitive), if present */
    public ApiReply post(String token, Function<String, Optional<String>> header, byte[] body) {
        Optional<Tokens.Endpoint> endpoint = ctx.tokens().endpointOf(token);
        if (endpoint.isEmpty()) return error(404, 102, "Not Found", "Invalid subscription");
        Optional<Channel> channel = ctx.channels().find(endpoint.get().uaid(), endpoint.get().channelId());
        if (channel.isEmpty()) return error(410, 106, "Gone", "Subscription no longer valid");
        if (body.length > ctx.config().maxWebPushBody()) return error(413, 104, "Payload Too Large", "Data payload too large");

        Optional<String> ttlHeader = header.apply("TTL");
        if (ttlHeader.isEmpty() || !ttlHeader.get().trim().matches("[0-9]{1,10}")) {
            return error(400, 111, "Bad Request", "Missing or invalid TTL header");
        }
        long ttl = Math.min(Long.parseLong(ttlHeader.get().trim()), ctx.config().maxTtl().toSeconds());
        Optional<Priority> urgency = header.apply("Urgency").map(Priority::ofUrgency).orElse(Optional.of(Priority.NORMAL));
        if (urgency.isEmpty()) return error(400, 110, "Bad Request", "Urgency must be very-low, low, normal or high");
        String topic = header.apply("Topic").map(String::trim).orElse(null);
        if (topic != null && (topic.isEmpty() || topic.length() > MAX_TOPIC || !topic.matches("[A-Za-z0-9_-]+"))) {
            return error(400, 113, "Bad Request", "Topic must be at most 32 base64url characters");
        }
        Map<String, String> crypto = new LinkedHashMap<>();
        if (body.length > 0) {
            Optional<String> problem = cryptoHeaders(header, crypto);
            if (problem.isPresent()) return error(400, 110, "Bad Request", problem.get());
        }
        Vapid.Result vapid = Vapid.check(header.apply("Authorization").orElse(null), header.apply("Crypto-Key").orElse(null),
                audience, ctx.clock().instant());
        Optional<ApiReply> refused = refusal(vapid, channel.get());
        if (refused.isPresent()) return refused.get();
        // per application server (its VAPID key, if it signs), per subscription, per device
        Optional<Duration> wait = (vapid instanceof Vapid.Result.Valid v
                ? perServer.acquire(P256.encode(v.key())) : Optional.<Duration>empty())
                .or(() -> perChannel.acquire(endpoint.get().uaid() + ":" + endpoint.get().channelId()))
                .or(() -> perDevice.acquire(endpoint.get().uaid()));
        if (wait.isPresent()) {
            return error(429, 999, "Too Many Requests", "Try again later")
                    .withHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
        }

        Instant now = ctx.clock().instant();
        String uaid = endpoint.get().uaid();
        boolean connected = ctx.router().connected(uaid);
        // TTL 0: delivered now or never; a minute to be acked if the device is there
        Instant expires = ttl == 0 ? now.plusSeconds(connected ? 60 : 0) : now.plusSeconds(ttl);
        MessageState state = ttl == 0 && !connected ? MessageState.EXPIRED : MessageState.ACCEPTED;
        String id = ctx.ids().next();
        PushMessage m = new PushMessage(id, id, uaid, Protocol.MOZILLA, endpoint.get().channelId(), null,
                Base64.getUrlEncoder().withoutPadding().encodeToString(body), crypto, urgency.get(), topic,
                now.getEpochSecond(), now, expires, state, now);
        try {
            if (topic != null) replaceTopic(m, now);
            ctx.messages().save(m);
        } catch (StoreException e) {
            return error(503, 201, "Service Unavailable", "Try again later").withHeader("Retry-After", "5");
        }
        if (state == MessageState.ACCEPTED) delivery.deliver(m);
        // RFC 8030 §5.1: an application server asking to hear later gets 202; either way GET Location says how it went
        boolean async = header.apply("Prefer").map(p -> p.toLowerCase(Locale.ROOT).contains("respond-async")).orElse(false);
        return ApiReply.empty(async ? 202 : 201).withHeader("Location", ctx.messageUrl(id)).withHeader("TTL", Long.toString(ttl));
    }

    /** RFC 8030 §5.4: an undelivered message with the same topic is replaced. */
    private void replaceTopic(PushMessage m, Instant now) {
        for (PushMessage old : ctx.messages().pendingFor(m.deviceId())) {
            if (old.state() == MessageState.ACCEPTED && m.target().equals(old.target()) && m.topic().equals(old.topic())) {
                ctx.messages().save(old.withState(MessageState.REPLACED, now));
                ctx.router().forget(old.deviceId(), old.id());
            }
        }
    }

    /** Fills the headers Firefox needs to decrypt; a problem if the encoding is unknown or incomplete. */
    private static Optional<String> cryptoHeaders(Function<String, Optional<String>> header, Map<String, String> out) {
        String encoding = header.apply("Content-Encoding").map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("");
        switch (encoding) {
            case "aes128gcm" -> out.put("encoding", "aes128gcm");
            case "aesgcm" -> {
                Optional<String> encryption = header.apply("Encryption");
                Optional<String> cryptoKey = header.apply("Crypto-Key");
                if (encryption.isEmpty() || cryptoKey.isEmpty()) return Optional.of("aesgcm needs Encryption and Crypto-Key headers");
                out.put("encoding", "aesgcm");
                out.put("encryption", encryption.get());
                out.put("crypto_key", cryptoKey.get());
            }
            default -> {
                return Optional.of("Content-Encoding must be aes128gcm or aesgcm");
            }
        }
        for (String v : out.values()) if (v.length() > 1024) return Optional.of("crypto header too long");
        return Optional.empty();
    }

    /** Empty if VAPID is fine for this subscription, else the answer: 401 missing or invalid, 403 another key (RFC 8292 §4.2). */
    private static Optional<ApiReply> refusal(Vapid.Result r, Channel channel) {
        Optional<ECPublicKey> required = Optional.ofNullable(channel.appServerKey()).flatMap(P256::parse);
        return switch (r) {
            case Vapid.Result.Absent a -> required.map(k -> error(401, 109, "Unauthorized", "VAPID required by this subscription"));
            case Vapid.Result.Invalid i -> Optional.of(error(401, 109, "Unauthorized", i.reason()));
            case Vapid.Result.Valid v -> required.filter(k -> !P256.same(k, v.key()))
                    .map(k -> error(403, 109, "Forbidden", "VAPID key is not the subscription's applicationServerKey"));
        };
    }

    static ApiReply error(int code, int errno, String error, String message) {
        ObjectNode n = Json.node().put("code", code).put("errno", errno).put("error", error).put("message", message);
        return ApiReply.json(code, n);
    }
}
