package org.herald.push.store;

import java.util.List;
import java.util.Optional;
import org.herald.push.model.Channel;

/** Web Push subscriptions of Mozilla-protocol devices, by device and channel id. */
public interface ChannelStore {
    Optional<Channel> find(String uaid, String channelId);

    List<Channel> ofDevice(String uaid);

    /** Durable on return. */
    void save(Channel channel);

    boolean delete(String uaid, String channelId);
}
