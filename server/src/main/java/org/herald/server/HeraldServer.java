package org.herald.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.herald.server.config.HeraldConfig;
import org.herald.metrics.Metrics;
import org.herald.server.admin.AdminApi;
import org.herald.server.http.HttpResponse;
import org.herald.server.http.HttpRoute;
import org.herald.server.http.HttpServer;
import org.herald.server.ops.Drain;
import org.herald.server.ops.ServerMetrics;
import org.herald.store.mongo.TimedDatabase;
import org.herald.server.presence.PresenceAgent;
import org.herald.server.wakeup.WakeupGateway;
import org.herald.server.storage.StorageRuntime;
import org.herald.server.tls.SelfSignedCertificate;
import org.herald.sip.LocalDomains;
import org.herald.sip.RequestDispatcher;
import org.herald.sip.RequestSender;
import org.herald.sip.auth.Authenticator;
import org.herald.sip.auth.DigestAlgorithm;
import org.herald.sip.auth.DigestAuthenticator;
import org.herald.sip.event.EventPackages;
import org.herald.sip.event.SubscriptionService;
import org.herald.sip.message.Transport;
import org.herald.sip.publish.PublicationService;
import org.herald.sip.registrar.RegistrarService;
import org.herald.sip.stack.JainSipStack;
import org.herald.sip.stack.StackSettings;
import org.herald.sip.store.mongo.MongoBindingStore;
import org.herald.sip.store.mongo.MongoPublicationStore;
import org.herald.sip.store.mongo.MongoSubscriptionStore;
import org.herald.sip.store.mongo.MongoUserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Herald process: storage, the SIP stack and its services, housekeeping and the HTTP port, wired together. */
public final class HeraldServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeraldServer.class);
    /** How long a stopping server waits for answers to the NOTIFYs it sent. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final HeraldConfig config;
    private final StorageRuntime storage;
    private final ExecutorService handlers;
    private final ScheduledExecutorService housekeeping;
    private final JainSipStack stack;
    private final HttpServer http;
    private final SubscriptionService subscriptions;
    private final PublicationService publications;
    private final org.herald.sip.auth.UserStore users;
    private final Metrics metrics;
    private final ServerMetrics sipMetrics;
    private final Drain drain = new Drain();
    private volatile boolean ready;

    private HeraldServer(HeraldConfig config, InstantSource clock, StorageRuntime storage) {
        this.config = config;
        this.storage = storage;
        metrics = new Metrics();
        sipMetrics = new ServerMetrics(metrics);
        var db = new TimedDatabase(storage.documents(), metrics);
        users = new MongoUserStore(db);
        Path dataDir = Path.of(config.storage().dir()).toAbsolutePath();

        AtomicReference<JainSipStack> stackRef = new AtomicReference<>();
        RequestSender sender = sipMetrics.countingSent(request -> stackRef.get().send(request));
        var bindings = new MongoBindingStore(db);
        var agent = new PresenceAgent(config.presence(), db, bindings, clock);
        var wakeup = new WakeupGateway(config.wakeup(), db, clock);
        var packages = new EventPackages(agent.packages());
        subscriptions = new SubscriptionService(packages, new MongoSubscriptionStore(db),
                config.sip().subscription(), clock, sender);
        var publicationStore = new MongoPublicationStore(db);
        publications = new PublicationService(packages, publicationStore,
                config.sip().publication(), clock, subscriptions);
        var registrar = new RegistrarService(config.sip().registrar(), bindings, clock, agent::registrationChanged);
        var digest = new DigestAuthenticator(authSecret(config.auth(), dataDir),
                Duration.ofSeconds(config.auth().nonceLifetime()),
                config.auth().algorithms().stream().map(a -> DigestAlgorithm.of(a)
                        .orElseThrow(() -> new IllegalArgumentException("unknown digest algorithm " + a))).toList(),
                clock);
        var authenticator = new Authenticator(config.auth().mode(), digest, users);
        StackSettings stackSettings = stackSettings(config, dataDir);
        var domains = new LocalDomains(config.sip().domain(), List.of(config.sip().host()), stackSettings.ports().values());
        var dispatcher = new RequestDispatcher(domains, authenticator, registrar, publications, subscriptions, packages);

        publications.load();
        subscriptions.load();
        agent.attach(subscriptions, publications);

        handlers = Executors.newVirtualThreadPerTaskExecutor();
        sipMetrics.state(bindings, publications, subscriptions);
        metrics.gauge("herald_wakeup_proxies", "Wake-up proxies by health at the last check", List.of("health"), () -> {
            var up = wakeup.health().snapshot().values();
            long healthy = up.stream().filter(b -> b).count();
            return Map.of(List.of("up"), healthy, List.of("down"), wakeup.proxies().all().size() - healthy);
        });
        stack = JainSipStack.start(stackSettings, drain.guard(sipMetrics.countingRequests(dispatcher)), handlers);
        stackRef.set(stack);

        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herald-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(() -> quietly(() -> {
            registrar.expire();
            publications.expire();
            subscriptions.expire();
            agent.tick(clock.instant());
        }), 0, 1, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(() -> quietly(storage::compact), 1, 1, TimeUnit.MINUTES);
        wakeup.checkEvery(housekeeping, config.wakeup().checkInterval());

        try {
            http = HttpServer.start(config.http().host(), config.http().port(), Map.of(
                    "GET /health", request -> ready
                            ? new HttpServer.Reply(200, "{\"status\":\"ok\"}")
                            : new HttpServer.Reply(503, "{\"status\":\"starting\"}"),
                    "GET /ready", request -> readiness(db)),
                    routes(agent.httpRoutes(authenticator, config.sip().domain().get(0)), new AdminApi(config.admin().user(),
                            config.admin().password().isEmpty() ? AdminApi.passwordIn(dataDir) : config.admin().password(),
                            registrar, subscriptions, publicationStore, packages, users, wakeup, clock)));
        } catch (RuntimeException e) {
            housekeeping.shutdownNow();
            stack.close();
            handlers.shutdown();
            throw e;
        }
        ready = true;
    }

    /** What the HTTP port serves besides /health and /ready: the presence agent's routes and /metrics. */
    private List<HttpRoute> routes(List<HttpRoute> presence, AdminApi admin) {
        var all = new java.util.ArrayList<>(presence);
        all.addAll(admin.routes());
        all.add(HttpRoute.exact("GET", "/metrics", request -> HttpResponse.of(200)
                .withBody("text/plain; version=0.0.4; charset=utf-8", metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return all;
    }

    /** Ready: started, every SIP listener up, and the store answers. */
    private HttpServer.Reply readiness(org.herald.store.mongo.DocumentDatabase db) {
        if (!ready) return new HttpServer.Reply(503, "{\"status\":\"starting\"}");
        try {
            db.collection("users").count();
        } catch (RuntimeException e) {
            return new HttpServer.Reply(503, "{\"status\":\"store unreachable\"}");
        }
        return new HttpServer.Reply(200, "{\"status\":\"ready\",\"sip\":" + stack.ports().size() + "}");
    }

    public static HeraldServer start(HeraldConfig config, InstantSource clock) {
        StorageRuntime storage = StorageRuntime.start(config.storage());
        HeraldServer server;
        try {
            server = new HeraldServer(config, clock, storage);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        String sip = server.stack.ports().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().token() + ":" + e.getValue()).collect(java.util.stream.Collectors.joining(" "));
        log.info("Herald ready: sip {} on {}, http {}:{}, domains {}, storage {}", sip, config.sip().host(),
                config.http().host(), server.http.port(), config.sip().domain(),
                config.storage().mongodb().uri().isBlank()
                        ? "embedded " + config.storage().embedded().backend() + " in " + Path.of(config.storage().dir()).toAbsolutePath()
                        : "external MongoDB");
        log.info("admin console http://{}:{}/admin (user {}, password {})", config.http().host(), server.http.port(),
                config.admin().user(), config.admin().password().isEmpty()
                        ? "in " + Path.of(config.storage().dir()).toAbsolutePath().resolve("admin.password") : "as configured");
        return server;
    }

    private static StackSettings stackSettings(HeraldConfig config, Path dataDir) {
        HeraldConfig.Sip sip = config.sip();
        Map<Transport, Integer> ports = new EnumMap<>(Transport.class);
        if (sip.udp().enabled()) ports.put(Transport.UDP, sip.udp().port());
        if (sip.tcp().enabled()) ports.put(Transport.TCP, sip.tcp().port());
        if (sip.tls().enabled()) ports.put(Transport.TLS, sip.tls().port());
        if (sip.ws().enabled()) ports.put(Transport.WS, sip.ws().port());
        Path keystore = null;
        String password = null;
        if (sip.tls().enabled()) {
            if (sip.tls().keystore().isBlank()) {
                var names = new java.util.ArrayList<>(sip.domain());
                names.add(0, sip.host());
                var ks = SelfSignedCertificate.ensure(dataDir.resolve("tls"), names);
                keystore = ks.file();
                password = ks.password();
            } else {
                keystore = Path.of(sip.tls().keystore());
                password = sip.tls().keystorePassword();
            }
        }
        return new StackSettings(sip.host(), ports, sip.maxMessageSize(), sip.threads(), keystore, password, sip.timerT1());
    }

    /** The nonce-signing key: configured, or made once and kept in the data directory. */
    private static byte[] authSecret(HeraldConfig.Auth auth, Path dataDir) {
        if (!auth.secret().isBlank()) return auth.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path file = dataDir.resolve("auth.secret");
        try {
            if (Files.exists(file)) return HexFormat.of().parseHex(Files.readString(file).trim());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(dataDir);
            Files.writeString(file, HexFormat.of().formatHex(secret));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the auth secret in " + file, e);
        }
    }

    private static void quietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("housekeeping failed: {}", e.toString());
        }
    }

    public int httpPort() {
        return http.port();
    }

    public HeraldConfig config() {
        return config;
    }

    public SubscriptionService subscriptions() {
        return subscriptions;
    }

    public org.herald.sip.auth.UserStore users() {
        return users;
    }

    public PublicationService publications() {
        return publications;
    }

    /** Stops taking requests, lets handlers finish, closes flows and the store. */
    @Override
    public void close() {
        ready = false;
        log.info("Herald stopping: new requests get 503, waiting for the NOTIFYs in flight");
        try {
            long left = drain.start(sipMetrics::inFlight, SHUTDOWN_GRACE);
            if (left > 0) log.warn("{} NOTIFYs still unanswered after {}", left, SHUTDOWN_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        housekeeping.shutdownNow();
        stack.close();
        handlers.shutdown();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        storage.close();
        log.info("Herald stopped");
    }
}
