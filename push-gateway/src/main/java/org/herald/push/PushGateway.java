package org.herald.push;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.herald.push.api.ApiReply;
import org.herald.push.api.Delivery;
import org.herald.push.api.NotifyApi;
import org.herald.push.api.RateLimiter;
import org.herald.push.api.StatusApi;
import org.herald.push.api.Waker;
import org.herald.push.api.WebPushApi;
import org.herald.push.model.MessageIds;
import org.herald.push.model.MessageState;
import org.herald.push.model.PushMessage;
import org.herald.push.session.PushConnection;
import org.herald.push.session.PushContext;
import org.herald.push.session.PushSocket;
import org.herald.push.session.Router;
import org.herald.push.store.CachedChannelStore;
import org.herald.push.store.mongo.MongoAppStore;
import org.herald.push.store.mongo.MongoChannelStore;
import org.herald.push.store.mongo.MongoDeviceStore;
import org.herald.push.store.mongo.MongoMessageStore;
import org.herald.push.store.mongo.MongoTokenKeys;
import org.herald.push.token.TokenCipher;
import org.herald.push.token.Tokens;
import org.herald.store.mongo.DocumentDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push gateway assembled: stores on one {@link DocumentDatabase}, tokens, the router of connected
 * devices, the application-server APIs, and a monitor that resends unacked messages (every second) and
 * expires and forgets old ones. The server's shell maps HTTP and WebSocket onto the public methods.
 */
public final class PushGateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PushGateway.class);
    private static final int BATCH = 500;

    private final PushContext ctx;
    private final NotifyApi notify;
    private final WebPushApi webPush;
    private final StatusApi status;
    private final RateLimiter tokenMinting;
    private final ScheduledExecutorService monitor;

    private PushGateway(PushConfig config, DocumentDatabase db, InstantSource clock, Waker waker, boolean startMonitor) {
        Tokens tokens = new Tokens(TokenCipher.fromBase64(config.tokenKeys().isEmpty() ? storedKeys(db) : config.tokenKeys()));
        ctx = new PushContext(config, new MongoDeviceStore(db), new MongoAppStore(db), new CachedChannelStore(new MongoChannelStore(db)),
                new MongoMessageStore(db), tokens, new Router(), new MessageIds(clock), clock, waker);
        Delivery delivery = m -> { // routing only queues on the device's connection; waking may block
            if (!ctx.router().route(m)) {
                Thread.ofVirtual().name("herald-push-wake").start(() -> quietly(() -> ctx.devices().find(m.deviceId())
                        .ifPresent(d -> waker.wake(d, m))));
            }
        };
        notify = new NotifyApi(ctx, new RateLimiter(config.appRateLimit(), clock), delivery);
        webPush = new WebPushApi(ctx, new RateLimiter(config.appRateLimit(), clock),
                new RateLimiter(config.deviceRateLimit(), clock), new RateLimiter(config.serverRateLimit(), clock), delivery);
        status = new StatusApi(ctx);
        tokenMinting = new RateLimiter(config.tokenRateLimit(), clock);
        if (startMonitor) {
            monitor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("herald-push-monitor").factory());
            monitor.scheduleWithFixedDelay(() -> quietly(() -> ctx.router().retryAll(clock.instant())), 1, 1, TimeUnit.SECONDS);
            monitor.scheduleWithFixedDelay(() -> quietly(() -> expire(clock.instant())), 5, 5, TimeUnit.SECONDS);
        } else {
            monitor = null;
        }
    }

    /** Starts the gateway with its monitor; offline devices are not woken. */
    public static PushGateway start(PushConfig config, DocumentDatabase db, InstantSource clock) {
        return start(config, db, clock, Waker.NONE);
    }

    /** Starts the gateway with its monitor; {@code waker} hears of messages stored for offline devices. */
    public static PushGateway start(PushConfig config, DocumentDatabase db, InstantSource clock, Waker waker) {
        return new PushGateway(config, db, clock, waker, true);
    }

    /** Without the monitor, for tests that run it by hand ({@link #retry}, {@link #expire}). */
    public static PushGateway manual(PushConfig config, DocumentDatabase db, InstantSource clock, Waker waker) {
        return new PushGateway(config, db, clock, waker, false);
    }

    public PushContext context() {
        return ctx;
    }

    /** A new WebSocket on {@code /push}. */
    public PushSocket open(PushConnection connection) {
        return new PushSocket(ctx, connection);
    }

    /** {@code GET/POST /token}: a new UAToken, as text. */
    public ApiReply newToken() {
        Optional<java.time.Duration> wait = tokenMinting.acquire("all");
        if (wait.isPresent()) {
            return ApiReply.text(429, "Try again later").withHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
        }
        return ApiReply.text(200, ctx.tokens().newUaToken());
    }

    /** {@code POST /notify/{appToken}}. */
    public ApiReply notify(String appToken, byte[] body) {
        return notify.post(appToken, body);
    }

    /** {@code POST /wpush/{token}}. */
    public ApiReply webPush(String token, Function<String, Optional<String>> header, byte[] body) {
        return webPush.post(token, header, body);
    }

    /** {@code GET /messages/{id}}. */
    public ApiReply status(String messageId) {
        return status.get(messageId);
    }

    /** Sends again what waited too long for an ack. */
    public void retry(Instant now) {
        ctx.router().retryAll(now);
    }

    /** Marks messages whose TTL ran out, and forgets finished ones older than {@code keep-acked}. */
    public void expire(Instant now) {
        for (PushMessage m : ctx.messages().expired(now, BATCH)) {
            ctx.messages().save(m.withState(MessageState.EXPIRED, now));
            ctx.router().forget(m.deviceId(), m.id());
        }
        for (PushMessage m : ctx.messages().finishedBefore(now.minus(ctx.config().keepAcked()), BATCH)) {
            ctx.messages().delete(m.id());
        }
    }

    /** The token key, made once and kept in the store, when the configuration gives none. */
    private static List<String> storedKeys(DocumentDatabase db) {
        return MongoTokenKeys.loadOrCreate(db, () -> {
            log.info("generated the push token key (set push.token-keys to manage keys yourself)");
            return TokenCipher.newKey();
        });
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("push gateway: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        if (monitor != null) monitor.shutdownNow();
    }
}
