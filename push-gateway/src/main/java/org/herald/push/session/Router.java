package org.herald.push.session;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.push.model.PushMessage;

/** Which device is connected where: one live connection per device, the newest wins. */
public final class Router {
    private final ConcurrentHashMap<String, DeviceLink> links = new ConcurrentHashMap<>();

    /** Makes {@code link} the device's connection; the one it replaces is told to close. */
    public void attach(String deviceId, DeviceLink link) {
        DeviceLink old = links.put(deviceId, link);
        if (old != null && old != link) old.replaced();
    }

    public void detach(String deviceId, DeviceLink link) {
        links.remove(deviceId, link);
    }

    /** Hands the message to its device's connection; false if the device is not connected. */
    public boolean route(PushMessage message) {
        DeviceLink link = links.get(message.deviceId());
        if (link == null) return false;
        link.offer(message);
        return true;
    }

    public boolean connected(String deviceId) {
        return links.containsKey(deviceId);
    }

    public void forget(String deviceId, String messageId) {
        DeviceLink link = links.get(deviceId);
        if (link != null) link.forget(messageId);
    }

    public void retryAll(Instant now) {
        links.values().forEach(l -> l.retry(now));
    }

    public int size() {
        return links.size();
    }
}
