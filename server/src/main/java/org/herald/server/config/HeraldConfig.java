package org.herald.server.config;

import java.util.List;
import org.herald.sip.auth.AuthMode;
import org.herald.sip.event.SubscriptionPolicy;
import org.herald.sip.publish.PublicationPolicy;
import org.herald.sip.registrar.RegistrarPolicy;

/**
 * Herald's whole configuration: defaults in {@link #defaults()}, overridden by a YAML file, then
 * {@code HERALD_*} environment variables, then {@code --set key=value}. Keys are the kebab-case
 * paths, e.g. {@code sip.udp.port}; docs/configuration.md lists every one.
 */
public record HeraldConfig(Sip sip, Http http, Storage storage, Auth auth, Presence presence, Admin admin, Log log,
                           Wakeup wakeup) {

    public static HeraldConfig defaults() {
        return new HeraldConfig(
                new Sip("127.0.0.1", List.of("localhost"), new Listener(true, 5060), new Listener(true, 5060),
                        new Tls(true, 5061, "", ""), new Listener(true, 5066), 32768, 4, 500,
                        RegistrarPolicy.defaults(), SubscriptionPolicy.defaults(), PublicationPolicy.defaults()),
                new Http("127.0.0.1", 8080),
                new Storage("data", new Mongo("", "herald"), new Embedded("h2", 5000, false)),
                new Auth(AuthMode.DIGEST, 300, List.of("MD5"), ""),
                new Presence(32768, List.of(), "union", 0, new Privacy("allow", "confirm", "block"), new Xcap(1024 * 1024)),
                new Admin("admin", ""),
                new Log("text", List.of()),
                new Wakeup(10, "", "", 30, 3));
    }

    /**
     * @param host           the address the SIP listeners bind and advertise (Via, Record-Route, Contact)
     * @param domain         SIP domains served; the host address is always served too
     * @param maxMessageSize bytes; larger requests are refused (513 over UDP, connection closed over TCP)
     * @param threads        JAIN-SIP worker threads that parse and dispatch messages
     * @param timerT1        RFC 3261 T1 in milliseconds; a NOTIFY nobody answers fails after 64 × T1
     */
    public record Sip(String host, List<String> domain, Listener udp, Listener tcp, Tls tls, Listener ws,
                      int maxMessageSize, int threads, int timerT1, RegistrarPolicy registrar, SubscriptionPolicy subscription,
                      PublicationPolicy publication) {}

    public record Listener(boolean enabled, int port) {}

    /** @param keystore a PKCS#12 file; empty: a self-signed certificate is made under storage.dir */
    public record Tls(boolean enabled, int port, String keystore, String keystorePassword) {}

    public record Http(String host, int port) {}

    /**
     * @param dir      data directory of the embedded MongoDB (and generated TLS material)
     * @param mongodb  an external MongoDB; empty uri: start the embedded one
     * @param embedded the embedded server's backend: h2 (files under dir) or memory (nothing kept)
     */
    public record Storage(String dir, Mongo mongodb, Embedded embedded) {}

    public record Mongo(String uri, String database) {}

    /**
     * @param backend       h2 (files under storage.dir) or memory (nothing kept)
     * @param flushInterval milliseconds between batched writes from Herald's journal into H2
     * @param fsync         force each journal write to the disk: survives power loss, not only a crash
     */
    public record Embedded(String backend, int flushInterval, boolean fsync) {}

    /**
     * @param nonceLifetime seconds a digest nonce is good for; older ones get stale=true
     * @param algorithms    digest algorithms offered, most preferred first: MD5 by default, SHA-256
     *                      (RFC 8760) on request, since many deployed phones give up on any challenge
     *                      that is not MD5
     * @param secret        key that signs nonces; empty: a random one kept under storage.dir
     */
    public record Auth(AuthMode mode, int nonceLifetime, List<String> algorithms, String secret) {}

    /**
     * @param maxBodySize                 largest PIDF document accepted in a PUBLISH, in bytes
     * @param registrationDerivedDomains  domains whose AORs that publish nothing show open while
     *                                    registered and closed otherwise; empty: none, {@code *}: all
     * @param composition                 the composition policy of presentities that chose none
     *                                    (docs/composition.md: union, overriding, merge:contact, ...)
     * @param staleAfter                  seconds after its {@code <timestamp>} that a tuple, person or
     *                                    device is left out of composition; 0: never (the default)
     */
    public record Presence(int maxBodySize, List<String> registrationDerivedDomains, String composition,
                           int staleAfter, Privacy privacy, Xcap xcap) {}

    /**
     * The admin console and API at {@code /admin} (HTTP Basic).
     *
     * @param user     the admin user name
     * @param password its password; empty: one is generated and kept in {@code storage.dir}/admin.password
     */
    public record Admin(String user, String password) {}

    /**
     * How the push gateway uses wake-up proxies (the proxies themselves are managed in the store, through
     * the admin API).
     *
     * @param checkInterval      seconds between health checks of every proxy ({@code GET /status})
     * @param trustStore         PKCS#12 file with the proxies' certificates (or their CA); empty: the JDK's
     * @param trustStorePassword its password
     * @param retryAfter         seconds a woken device has to reconnect before it is woken again (then twice that, ...)
     * @param attempts           wakes in all before the device counts as unreachable
     */
    public record Wakeup(int checkInterval, String trustStore, String trustStorePassword, int retryAfter, int attempts) {}

    /**
     * @param format {@code text} (the logback.xml pattern) or {@code json} (one object a line)
     * @param levels {@code logger=LEVEL} entries, e.g. {@code org.herald.sip=DEBUG}; {@code root=WARN}
     */
    public record Log(String format, List<String> levels) {}

    /** @param maxDocumentSize largest XCAP document (a PUT body, or what a PUT makes), in bytes */
    public record Xcap(int maxDocumentSize) {}

    /**
     * What a watcher no pres-rules rule decides for gets (allow, confirm, polite-block or block).
     *
     * @param withoutRules for presentities that have no pres-rules document at all
     * @param unmatched    for authenticated watchers no rule of the presentity's document matches
     * @param anonymous    for unauthenticated watchers no rule matches
     */
    public record Privacy(String withoutRules, String unmatched, String anonymous) {}
}
