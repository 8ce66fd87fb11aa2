package org.herald.presence.privacy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.sip.message.Aor;

/**
 * The per-watcher work, done once per outcome: one filtered, serialized body per (presentity,
 * document version, {@link Permissions}), shared by every watcher whose rules come out the same. A
 * publication to a presentity with a thousand watchers in three permission classes renders three
 * bodies, not a thousand; a change of rules costs nothing here, since it changes which key a watcher
 * uses, not what a key's body is.
 *
 * <p>When a new version renders to the same bytes as the previous one for the same permissions (the
 * presentity changed only what these watchers cannot see), the previous array itself is returned. The
 * presence package can then skip the NOTIFY when the body is the one the watcher last got; not
 * skipping it would tell the watcher when the presentity's hidden state changed.
 *
 * <p>Bounded: least recently used entries go first. Thread-safe; a body is rendered outside the lock,
 * so two threads may render the same one at once and one result wins. The arrays are shared: nothing
 * may write to them.
 */
public final class TransformedViews {
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private record Key(Aor presentity, long version, Permissions permissions) {}

    private record Latest(Aor presentity, Permissions permissions) {}

    private final Map<Key, byte[]> bodies;
    private final Map<Latest, byte[]> latest;
    private long hits;
    private long misses;

    public TransformedViews(int maxEntries) {
        if (maxEntries <= 0) throw new IllegalArgumentException("maxEntries must be positive");
        this.bodies = lru(maxEntries);
        this.latest = lru(maxEntries);
    }

    public TransformedViews() {
        this(DEFAULT_MAX_ENTRIES);
    }

    /**
     * The body for watchers with these permissions.
     *
     * @param presentity  whose document it is
     * @param version     changes whenever the composed document does (a counter per presentity)
     * @param document    the composed, unfiltered document of that version
     * @param permissions a {@link Decision#permissions()}
     */
    public byte[] body(Aor presentity, long version, PresenceDocument document, Permissions permissions) {
        Objects.requireNonNull(document, "document");
        Key key = new Key(presentity, version, permissions);
        synchronized (this) {
            byte[] hit = bodies.get(key);
            if (hit != null) {
                hits++;
                return hit;
            }
            misses++;
        }
        byte[] fresh = PresenceFilter.render(document, permissions);
        synchronized (this) {
            byte[] raced = bodies.get(key);
            if (raced != null) return raced;
            Latest previousKey = new Latest(presentity, permissions);
            byte[] previous = latest.get(previousKey);
            if (previous != null && Arrays.equals(previous, fresh)) fresh = previous;
            latest.put(previousKey, fresh);
            bodies.put(key, fresh);
            return fresh;
        }
    }

    /** Drops everything about a presentity, e.g. when its last publication expires. */
    public synchronized void forget(Aor presentity) {
        bodies.keySet().removeIf(k -> k.presentity().equals(presentity));
        latest.keySet().removeIf(k -> k.presentity().equals(presentity));
    }

    public synchronized int size() {
        return bodies.size();
    }

    /** Bodies served from the cache since it was made. */
    public synchronized long hits() {
        return hits;
    }

    /** Bodies rendered since it was made. */
    public synchronized long misses() {
        return misses;
    }

    private static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }
}
