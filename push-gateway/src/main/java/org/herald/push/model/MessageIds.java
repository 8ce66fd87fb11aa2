package org.herald.push.model;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids that sort by creation: 16 hex digits of microseconds (strictly increasing within the
 * process, and the clock moves on across restarts) then 16 random ones, so ids (which open a message's state) are not guessable.
 */
public final class MessageIds {
    private final InstantSource clock;
    private final AtomicLong last = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    public MessageIds(InstantSource clock) {
        this.clock = clock;
    }

    public String next() {
        long now = clock.millis() * 1000;
        long v = last.updateAndGet(prev -> Math.max(prev + 1, now));
        byte[] r = new byte[8];
        random.nextBytes(r);
        return HexFormat.of().toHexDigits(v) + HexFormat.of().formatHex(r);
    }
}
