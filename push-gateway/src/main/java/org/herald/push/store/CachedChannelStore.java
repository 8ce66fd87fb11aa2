package org.herald.push.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.push.model.Channel;

/**
 * Every Web Push POST looks its subscription up, and with the journaled store a document older than one
 * flush interval is a MongoDB round trip: keep what was read or written in memory. Coherent because this
 * process is the only writer; bounded by forgetting everything when it gets large.
 */
public final class CachedChannelStore implements ChannelStore {
    private static final int MAX = 200_000;
    private static final Optional<Channel> NONE = Optional.empty();

    private final ChannelStore store;
    private final ConcurrentHashMap<String, Optional<Channel>> cache = new ConcurrentHashMap<>();

    public CachedChannelStore(ChannelStore store) {
        this.store = store;
    }

    @Override
    public Optional<Channel> find(String uaid, String channelId) {
        String key = uaid + ":" + channelId;
        Optional<Channel> hit = cache.get(key);
        if (hit != null) return hit;
        Optional<Channel> found = store.find(uaid, channelId);
        if (cache.size() >= MAX) cache.clear();
        cache.put(key, found);
        return found;
    }

    @Override
    public List<Channel> ofDevice(String uaid) {
        return store.ofDevice(uaid);
    }

    @Override
    public void save(Channel channel) {
        store.save(channel);
        cache.put(channel.uaid() + ":" + channel.channelId(), Optional.of(channel));
    }

    @Override
    public boolean delete(String uaid, String channelId) {
        boolean deleted = store.delete(uaid, channelId);
        cache.put(uaid + ":" + channelId, NONE);
        return deleted;
    }
}
