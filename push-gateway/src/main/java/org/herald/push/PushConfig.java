package org.herald.push;

import java.time.Duration;
import java.util.List;

/**
 * The push gateway's settings (config keys {@code push.*}).
 *
 * @param publicUrl        the origin devices and application servers reach Herald's HTTP port at, e.g.
 *                         {@code http://push.example.com:8080}; notify URLs and push endpoints start with it
 * @param tokenKeys        AES keys (base64, 16 or 32 bytes) for UATokens and endpoint tokens, newest first: new
 *                         tokens use the first, every listed key still opens tokens (rotation); empty = one key
 *                         generated once and kept in the store
 * @param maxNotifyBody    the largest AS notification body ({@code POST /notify}) in bytes
 * @param maxWebPushBody   the largest Web Push body (encrypted, so the 4096-byte plaintext plus aes128gcm overhead)
 * @param maxFrame         the largest WebSocket frame a device may send
 * @param maxConnections   WebSocket connections held at once
 * @param maxTtl           the longest a message waits for its device
 * @param retryInitial     first wait for an ack before sending again; doubles up to {@code retryMax}
 * @param retryMax         longest wait between resends
 * @param appRateLimit     notifications per second per application (NS appToken or Web Push subscription)
 * @param deviceRateLimit  Web Push messages per second per device, all its subscriptions together
 * @param serverRateLimit  Web Push messages per second per application server (its VAPID key)
 * @param tokenRateLimit   new UATokens per second, whole server (minting is free, so it is capped)
 * @param keepAcked        how long the state of finished messages stays queryable
 * @param idleTimeout      a WebSocket that sends nothing this long is closed (Firefox pings every 30 minutes)
 * @param lowPriorityDelay how long a low or very-low priority message for a connected device may wait to go
 *                         out with the next normal or high one (zero: at once)
 */
public record PushConfig(String publicUrl, List<String> tokenKeys, int maxNotifyBody, int maxWebPushBody, int maxFrame,
                         int maxConnections, Duration maxTtl, Duration retryInitial, Duration retryMax,
                         double appRateLimit, double deviceRateLimit, double serverRateLimit, double tokenRateLimit,
                         Duration keepAcked, Duration idleTimeout, Duration lowPriorityDelay) {

    public PushConfig {
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        if (!publicUrl.matches("https?://[^/?#\\s]+")) {
            throw new PushException("push.public-url must be an origin like http://host:port, not " + publicUrl);
        }
        tokenKeys = List.copyOf(tokenKeys);
        if (maxNotifyBody <= 0 || maxWebPushBody <= 0 || maxFrame <= 0 || maxConnections <= 0) {
            throw new PushException("push size and connection limits must be positive");
        }
        for (Duration d : List.of(maxTtl, retryInitial, retryMax, keepAcked, idleTimeout)) {
            if (d.isNegative() || d.isZero()) throw new PushException("push durations must be positive: " + d);
        }
        if (lowPriorityDelay.isNegative()) throw new PushException("push.low-priority-delay must not be negative");
    }

    /** The defaults, with the origin of this server. Limits follow autopush-rs. */
    public static PushConfig defaults(String publicUrl) {
        return new PushConfig(publicUrl, List.of(), 4096, 4096 + 256, 8192, 100_000, Duration.ofDays(30),
                Duration.ofSeconds(10), Duration.ofMinutes(5), 100, 200, 1000, 50, Duration.ofDays(1),
                Duration.ofMinutes(65), Duration.ofSeconds(60));
    }

    public PushConfig withRetry(Duration initial, Duration max) {
        return new PushConfig(publicUrl, tokenKeys, maxNotifyBody, maxWebPushBody, maxFrame, maxConnections, maxTtl,
                initial, max, appRateLimit, deviceRateLimit, serverRateLimit, tokenRateLimit, keepAcked, idleTimeout,
                lowPriorityDelay);
    }

    public PushConfig withMaxConnections(int max) {
        return new PushConfig(publicUrl, tokenKeys, maxNotifyBody, maxWebPushBody, maxFrame, max, maxTtl,
                retryInitial, retryMax, appRateLimit, deviceRateLimit, serverRateLimit, tokenRateLimit, keepAcked, idleTimeout,
                lowPriorityDelay);
    }

    public PushConfig withIdleTimeout(Duration idle) {
        return new PushConfig(publicUrl, tokenKeys, maxNotifyBody, maxWebPushBody, maxFrame, maxConnections, maxTtl,
                retryInitial, retryMax, appRateLimit, deviceRateLimit, serverRateLimit, tokenRateLimit, keepAcked, idle,
                lowPriorityDelay);
    }

    public PushConfig withAppRateLimit(double perSecond) {
        return new PushConfig(publicUrl, tokenKeys, maxNotifyBody, maxWebPushBody, maxFrame, maxConnections, maxTtl,
                retryInitial, retryMax, perSecond, deviceRateLimit, serverRateLimit, tokenRateLimit, keepAcked, idleTimeout,
                lowPriorityDelay);
    }

    public PushConfig withServerRateLimit(double perSecond) {
        return new PushConfig(publicUrl, tokenKeys, maxNotifyBody, maxWebPushBody, maxFrame, maxConnections, maxTtl,
                retryInitial, retryMax, appRateLimit, deviceRateLimit, perSecond, tokenRateLimit, keepAcked, idleTimeout,
                lowPriorityDelay);
    }
}
