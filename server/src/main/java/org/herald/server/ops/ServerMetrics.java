package org.herald.server.ops;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.herald.metrics.Metrics;
import org.herald.sip.Handling;
import org.herald.sip.RequestSender;
import org.herald.sip.SipApplication;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionService;
import org.herald.sip.message.Flow;
import org.herald.sip.message.RequestOutcome;
import org.herald.sip.message.SipRequest;
import org.herald.sip.publish.PublicationService;
import org.herald.sip.registrar.BindingStore;

/**
 * The SIP side's metrics: requests and Herald's answers by method and status, requests Herald sends
 * (NOTIFY above all) by outcome and in flight, and gauges read from the services that own the numbers.
 * Counting happens in thin wrappers around the stack's two seams ({@link SipApplication} in,
 * {@link RequestSender} out), so no SIP class knows about metrics.
 */
public final class ServerMetrics {
    private final Metrics metrics;
    private final Metrics.Counter requests;
    private final Metrics.Counter answers;
    private final Metrics.Counter sent;
    private final AtomicLong inFlight = new AtomicLong();

    public ServerMetrics(Metrics metrics) {
        this.metrics = metrics;
        requests = metrics.counter("herald_sip_requests_total", "SIP requests received, by method", "method");
        answers = metrics.counter("herald_sip_responses_total",
                "Herald's final answers to received requests, by method and status (proxied: relayed from the targets)",
                "method", "status");
        sent = metrics.counter("herald_sip_sent_requests_total",
                "Requests Herald sent (NOTIFY, proxied requests are not counted here), by method and outcome: "
                        + "the final status, timeout or unreachable", "method", "outcome");
        metrics.gauge("herald_sip_sent_requests_in_flight", "Requests Herald sent that have no final answer yet",
                inFlight::get);
        jvm();
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Requests Herald sent (NOTIFYs) still waiting for their final answer. */
    public long inFlight() {
        return inFlight.get();
    }

    /** The application with every request and Herald's answer counted. */
    public SipApplication countingRequests(SipApplication app) {
        return new SipApplication() {
            @Override
            public Handling handle(SipRequest request) {
                String method = method(request.method());
                requests.inc(method);
                Handling h = app.handle(request);
                switch (h) {
                    case Handling.Reply r -> answers.inc(method, Integer.toString(r.response().status()));
                    case Handling.Proxy p -> answers.inc(method, "proxied");
                }
                return h;
            }

            @Override
            public void flowClosed(Flow flow) {
                app.flowClosed(flow);
            }
        };
    }

    /** The sender with every request and its outcome counted. */
    public RequestSender countingSent(RequestSender sender) {
        return request -> {
            String method = method(request.method());
            inFlight.incrementAndGet();
            return sender.send(request).whenComplete((outcome, error) -> {
                inFlight.decrementAndGet();
                sent.inc(method, error != null ? "unreachable" : switch (outcome) {
                    case RequestOutcome.Answered a -> Integer.toString(a.status());
                    case RequestOutcome.TimedOut t -> "timeout";
                    case RequestOutcome.Unreachable u -> "unreachable";
                });
            });
        };
    }

    /** Gauges of the live state, read from the services at each scrape. */
    public void state(BindingStore bindings, PublicationService publications, SubscriptionService subscriptions) {
        metrics.gauge("herald_registrar_bindings", "Contacts bound to AORs in the store", bindings::countBindings);
        metrics.gauge("herald_publications", "Live publications (RFC 3903)", publications::count);
        metrics.gauge("herald_subscriptions", "Live subscriptions by event package and state", List.of("package", "state"), () -> {
            Map<List<String>, Long> byKind = new HashMap<>();
            for (Subscription s : subscriptions.all()) byKind.merge(List.of(s.event(), s.state().token()), 1L, Long::sum);
            return byKind;
        });
    }

    private void jvm() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        metrics.gauge("jvm_memory_used_bytes", "Heap and non-heap memory in use", List.of("area"), () -> Map.of(
                List.of("heap"), memory.getHeapMemoryUsage().getUsed(),
                List.of("nonheap"), memory.getNonHeapMemoryUsage().getUsed()));
        metrics.gauge("jvm_memory_max_bytes", "Largest heap the JVM may use", () -> memory.getHeapMemoryUsage().getMax());
        metrics.gauge("jvm_threads_live", "Live platform threads", () -> ManagementFactory.getThreadMXBean().getThreadCount());
        metrics.gauge("jvm_gc_collections_total", "Garbage collections, by collector", List.of("gc"), () -> {
            Map<List<String>, Long> m = new HashMap<>();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) m.put(List.of(gc.getName()), gc.getCollectionCount());
            return m;
        });
        metrics.gauge("jvm_gc_collection_seconds_total", "Time spent in garbage collection, by collector", List.of("gc"), () -> {
            Map<List<String>, Double> m = new HashMap<>();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) m.put(List.of(gc.getName()), gc.getCollectionTime() / 1000.0);
            return m;
        });
        metrics.gauge("process_uptime_seconds", "Seconds since the JVM started", () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            metrics.gauge("process_cpu_seconds_total", "CPU time of the process", () -> os.getProcessCpuTime() / 1e9);
        }
    }

    /** Known methods as they are; anything else as "other", so a client cannot grow the series without bound. */
    private static String method(String method) {
        return switch (method) {
            case "REGISTER", "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "SUBSCRIBE", "NOTIFY", "PUBLISH", "MESSAGE",
                 "INFO", "UPDATE", "PRACK", "REFER" -> method;
            default -> "other";
        };
    }
}
