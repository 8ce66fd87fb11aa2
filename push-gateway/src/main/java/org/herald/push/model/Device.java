package org.herald.push.model;

import java.time.Instant;

/**
 * A device (a UAToken's id, or a Firefox uaid) and where it was last seen. {@code ip}, {@code port},
 * {@code mcc} and {@code mnc} are what registerUA announced (for the wake-up path); null if never said.
 */
public record Device(String id, Protocol protocol, Instant createdAt, Instant lastSeen, String ip, Integer port,
                     String mcc, String mnc) {

    public static Device created(String id, Protocol protocol, Instant now) {
        return new Device(id, protocol, now, now, null, null, null, null);
    }

    public Device withLastSeen(Instant at) {
        return new Device(id, protocol, createdAt, at, ip, port, mcc, mnc);
    }

    public Device withInterface(String newIp, Integer newPort) {
        return new Device(id, protocol, createdAt, lastSeen, newIp, newPort, mcc, mnc);
    }

    public Device withNetwork(String newMcc, String newMnc) {
        return new Device(id, protocol, createdAt, lastSeen, ip, port, newMcc, newMnc);
    }
}
