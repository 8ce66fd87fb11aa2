package org.herald.push.session;

import java.time.InstantSource;
import org.herald.push.PushConfig;
import org.herald.push.api.Waker;
import org.herald.push.model.MessageIds;
import org.herald.push.store.AppStore;
import org.herald.push.store.ChannelStore;
import org.herald.push.store.DeviceStore;
import org.herald.push.store.MessageStore;
import org.herald.push.token.Tokens;

/** What sessions and APIs share. */
public record PushContext(PushConfig config, DeviceStore devices, AppStore apps, ChannelStore channels,
                          MessageStore messages, Tokens tokens, Router router, MessageIds ids, InstantSource clock,
                          Waker waker) {

    /** The URL an application server posts Notification Server messages for this app to. */
    public String notifyUrl(String appToken) {
        return config.publicUrl() + "/notify/" + appToken;
    }

    /** The RFC 8030 push resource of a channel. */
    public String pushEndpoint(String uaid, String channelId) {
        return config.publicUrl() + "/wpush/" + tokens.endpointToken(uaid, channelId);
    }

    /** Where an application server reads a message's state (RFC 8030 Location). */
    public String messageUrl(String group) {
        return config.publicUrl() + "/messages/" + group;
    }
}
