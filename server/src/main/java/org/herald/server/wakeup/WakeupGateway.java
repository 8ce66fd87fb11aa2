package org.herald.server.wakeup;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.herald.server.config.HeraldConfig;
import org.herald.store.mongo.DocumentDatabase;
import org.herald.wakeup.gateway.MongoProxyStore;
import org.herald.wakeup.gateway.ProxyHealth;
import org.herald.wakeup.gateway.ProxyStore;
import org.herald.wakeup.gateway.WakeupClient;

/**
 * The gateway's side of the wake path, wired: the proxies in the store, a client that trusts their
 * certificates, and the health checker on a timer.
 */
public final class WakeupGateway {
    private final ProxyStore proxies;
    private final WakeupClient client;
    private final ProxyHealth health;

    public WakeupGateway(HeraldConfig.Wakeup config, DocumentDatabase db, InstantSource clock) {
        this.proxies = new MongoProxyStore(db);
        this.client = new WakeupClient(HttpClient.newBuilder().sslContext(trust(config)).connectTimeout(Duration.ofSeconds(5)).build(),
                clock);
        this.health = new ProxyHealth(proxies, client);
    }

    /** Checks every proxy now and then every {@code wakeup.check-interval} seconds. */
    public void checkEvery(ScheduledExecutorService timer, int seconds) {
        timer.scheduleWithFixedDelay(() -> health.check(), 0, seconds, TimeUnit.SECONDS);
    }

    public ProxyStore proxies() {
        return proxies;
    }

    public WakeupClient client() {
        return client;
    }

    public ProxyHealth health() {
        return health;
    }

    private static SSLContext trust(HeraldConfig.Wakeup config) {
        try {
            if (config.trustStore().isBlank()) return SSLContext.getDefault();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(config.trustStore()))) {
                ks.load(in, config.trustStorePassword().toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("wakeup.trust-store " + config.trustStore() + " cannot be used", e);
        }
    }
}
