package org.herald.presence.winfo;

import java.time.Duration;
import java.time.Instant;
import org.herald.sip.message.Aor;

/**
 * What Herald remembers of one watcher between events: enough to write its {@code <watcher>}
 * element at any later time.
 *
 * @param id             the element's id, derived from the subscription's and stable across restarts
 * @param subscriptionId the framework's subscription (its To tag), never shown to the presentity
 * @param since          when the subscription began
 * @param changedAt      when status or event last changed; a waiting record gives up from it
 * @param expiresAt      the subscription's expiry as of the last event
 */
record WatcherRecord(String id, String subscriptionId, Aor watcher, WatcherStatus status, WatcherEvent event,
                     Instant since, Instant changedAt, Instant expiresAt) {

    boolean live() {
        return status == WatcherStatus.PENDING || status == WatcherStatus.ACTIVE;
    }

    /**
     * The element as of {@code now}. Durations freeze once the subscription is over.
     *
     * @param expiresAt the live subscription's current expiry (refreshes publish no event), or null
     */
    Watcher element(Instant now, Instant expiresAt) {
        Instant end = live() ? now : changedAt;
        Long expiration = null;
        if (live()) {
            Instant until = expiresAt != null ? expiresAt : this.expiresAt;
            expiration = Math.max(0, Duration.between(now, until).toSeconds());
        }
        return new Watcher(id, watcher.uri(), null, status, event,
                Math.max(0, Duration.between(since, end).toSeconds()), expiration);
    }
}
