package org.herald.wakeup;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.herald.metrics.Metrics;

/**
 * What the proxy does with an authenticated order, apart from HTTP: check the device is in a network
 * it serves, apply the {@link WakePolicy}, send, count. Maintenance mode refuses everything, so a
 * balancer (and Herald's checker, which reads {@code /status}) takes the proxy out.
 */
public final class WakeupService {

    /** What happened to an order. */
    public sealed interface Outcome {
        record Sent(WakeOrder order) implements Outcome {}

        record Suppressed(WakeOrder order, Instant nextWake) implements Outcome {}

        record NotServed(WakeOrder order) implements Outcome {}

        record Failed(WakeOrder order, String reason) implements Outcome {}

        record Maintenance() implements Outcome {}
    }

    private final List<Network> networks;
    private final WakePolicy policy;
    private final Sender sender;
    private final byte[] payload;
    private final Duration pingTimeout;
    private final Metrics.Counter orders;
    private volatile boolean maintenance;

    public WakeupService(List<Network> networks, WakePolicy policy, Sender sender, byte[] payload, Duration pingTimeout,
                         Metrics metrics) {
        this.networks = List.copyOf(networks);
        this.policy = policy;
        this.sender = sender;
        this.payload = payload.clone();
        this.pingTimeout = pingTimeout;
        this.orders = metrics.counter("herald_wakeup_orders_total",
                "Wake-up orders by result: sent, suppressed (too soon after the last), not-served, failed, maintenance, unauthorized",
                "result");
    }

    public Outcome wake(WakeOrder order) {
        Outcome outcome = decide(order);
        orders.inc(switch (outcome) {
            case Outcome.Sent s -> "sent";
            case Outcome.Suppressed s -> "suppressed";
            case Outcome.NotServed n -> "not-served";
            case Outcome.Failed f -> "failed";
            case Outcome.Maintenance m -> "maintenance";
        });
        return outcome;
    }

    private Outcome decide(WakeOrder order) {
        if (maintenance) return new Outcome.Maintenance();
        if (networks.stream().noneMatch(n -> n.reaches(order.ip()))) return new Outcome.NotServed(order);
        if (policy.decide(order) instanceof WakePolicy.Decision.Suppressed s) return new Outcome.Suppressed(order, s.nextWake());
        try {
            switch (order.protocol()) {
                case UDP -> sender.datagram(order.target(), payload);
                case TCP -> sender.ping(order.target(), pingTimeout);
            }
            return new Outcome.Sent(order);
        } catch (IOException e) {
            return new Outcome.Failed(order, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** An order refused before it was read (bad signature); counted with the others. */
    public void unauthorized() {
        orders.inc("unauthorized");
    }

    public void maintenance(boolean on) {
        maintenance = on;
    }

    public boolean inMaintenance() {
        return maintenance;
    }

    public long count(String result) {
        return orders.value(result);
    }

    public List<Network> networks() {
        return networks;
    }
}
