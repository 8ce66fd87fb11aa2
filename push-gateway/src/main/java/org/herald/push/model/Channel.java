package org.herald.push.model;

import java.time.Instant;

/**
 * A Web Push subscription of a Mozilla-protocol device: its channel id (chosen by the browser) and the
 * applicationServerKey it was made with (base64url uncompressed P-256 point), or null if none, in which
 * case VAPID is optional.
 */
public record Channel(String uaid, String channelId, String appServerKey, Instant createdAt) {}
