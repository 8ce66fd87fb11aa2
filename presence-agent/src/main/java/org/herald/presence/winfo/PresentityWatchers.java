package org.herald.presence.winfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herald.presence.delta.Deltas;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionEvent;
import org.herald.sip.event.SubscriptionState;

/**
 * The watcher-info of one presentity: a record per watcher of its presence that is pending, active
 * or waiting (terminated ones are dropped once recorded as changes), and what each winfo subscriber
 * has not been told. Not thread-safe: {@link WatcherInfoPackage} serializes access per presentity.
 */
final class PresentityWatchers {
    private final Map<String, WatcherRecord> records = new LinkedHashMap<>(); // by subscription id
    private final Deltas<WatcherRecord> deltas = new Deltas<>();

    /** A subscription that existed before this process started: known, but not news to anyone. */
    void seed(Subscription s) {
        if (records.containsKey(s.id())) return;
        WatcherStatus status = s.state() == SubscriptionState.ACTIVE ? WatcherStatus.ACTIVE : WatcherStatus.PENDING;
        records.put(s.id(), new WatcherRecord(idOf(s.id()), s.id(), s.watcher(), status, WatcherEvent.SUBSCRIBE,
                s.createdAt(), s.createdAt(), s.expiresAt()));
    }

    /** Applies a life event of one of the presentity's subscriptions; true if a subscriber could see a difference. */
    boolean apply(SubscriptionEvent event, Instant now) {
        Subscription s = event.subscription();
        WatcherRecord current = records.get(s.id());
        WatcherRecord waiting = current == null && event instanceof SubscriptionEvent.Created
                ? waitingOf(s).orElse(null) : null;
        WatcherStatus from = current != null ? current.status() : waiting != null ? WatcherStatus.WAITING : null;
        Optional<WatcherLifecycle.Transition> step = WatcherLifecycle.step(from, event);
        if (step.isEmpty()) return false;
        WatcherRecord base = current != null ? current : waiting;
        String id = base != null ? base.id() : idOf(s.id());
        Instant since = current != null ? current.since() : s.createdAt();
        if (waiting != null) records.remove(waiting.subscriptionId());
        record(new WatcherRecord(id, s.id(), s.watcher(), step.get().next(), step.get().event(), since, now, s.expiresAt()));
        return true;
    }

    /** Waiting records unchanged since {@code cutoff} end with event giveup; true if any did. */
    boolean giveUpWaiting(Instant cutoff, Instant now) {
        List<WatcherRecord> due = records.values().stream()
                .filter(r -> r.status() == WatcherStatus.WAITING && !r.changedAt().isAfter(cutoff)).toList();
        WatcherLifecycle.Transition giveUp = WatcherLifecycle.giveUp();
        for (WatcherRecord r : due) {
            record(new WatcherRecord(r.id(), r.subscriptionId(), r.watcher(), giveUp.next(), giveUp.event(),
                    r.since(), now, r.expiresAt()));
        }
        return !due.isEmpty();
    }

    /** What the subscriber's next document carries; see {@link Deltas#take}. */
    Deltas.Next<WatcherRecord> next(String subscriber, boolean keep) {
        return deltas.take(subscriber, keep);
    }

    /** Every pending, active and waiting watcher, oldest first: the full state. */
    List<WatcherRecord> records() {
        return new ArrayList<>(records.values());
    }

    void forget(String subscriber) {
        deltas.forget(subscriber);
    }

    boolean isEmpty() {
        return records.isEmpty() && deltas.isEmpty();
    }

    private void record(WatcherRecord next) {
        if (next.status() == WatcherStatus.TERMINATED) {
            records.remove(next.subscriptionId());
        } else {
            records.put(next.subscriptionId(), next);
        }
        deltas.changed(next.id(), next);
    }

    private Optional<WatcherRecord> waitingOf(Subscription s) {
        return records.values().stream()
                .filter(r -> r.status() == WatcherStatus.WAITING && r.watcher().equals(s.watcher())).findFirst();
    }

    /**
     * The element id: a digest of the subscription id, so it is stable across restarts without
     * handing the presentity the To tag of someone else's dialog.
     */
    static String idOf(String subscriptionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
