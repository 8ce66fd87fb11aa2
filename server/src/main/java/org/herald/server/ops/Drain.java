package org.herald.server.ops;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.herald.sip.Handling;
import org.herald.sip.SipApplication;
import org.herald.sip.message.Flow;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.SipResponse;

/**
 * A graceful stop: once {@link #start} is called, new requests are answered 503 with Retry-After (so
 * clients and proxies go elsewhere, RFC 3261 §21.5.4) while the NOTIFYs already sent get their
 * answers, for at most a grace period; then the stack may close.
 */
public final class Drain {
    private volatile boolean draining;

    public SipApplication guard(SipApplication app) {
        return new SipApplication() {
            @Override
            public Handling handle(SipRequest request) {
                if (draining && !request.method().equals("ACK")) {
                    return new Handling.Reply(SipResponse.of(503, "Shutting Down").withHeader("Retry-After", 30));
                }
                return app.handle(request);
            }

            @Override
            public void flowClosed(Flow flow) {
                app.flowClosed(flow);
            }
        };
    }

    /** Refuses new work and waits until {@code pending} reaches 0 or {@code grace} passes; returns what is left. */
    public long start(LongSupplier pending, Duration grace) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (pending.getAsLong() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
        return pending.getAsLong();
    }

    public boolean draining() {
        return draining;
    }
}
