package org.herald.push.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A web application in the Notification Server protocol: its appToken (SHA-256 of WAToken and public
 * key), the key its application server signs with, and every device that registered it. The WAToken
 * decides the reach: unique = one app instance, shared by a user's devices = all of them, shared by all
 * = a broadcast to every device with the app.
 */
public record App(String appToken, String waToken, String publicKey, List<String> devices, Instant createdAt) {

    public App {
        devices = List.copyOf(devices);
    }

    public App withDevice(String deviceId) {
        if (devices.contains(deviceId)) return this;
        List<String> more = new ArrayList<>(devices);
        more.add(deviceId);
        return new App(appToken, waToken, publicKey, more, createdAt);
    }
}
