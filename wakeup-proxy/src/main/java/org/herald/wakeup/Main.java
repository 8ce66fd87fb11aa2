package org.herald.wakeup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The wake-up proxy as its own process, inside the operator's network:
 * {@code java -cp ... org.herald.wakeup.Main --config wakeup-proxy.yaml}. The file:
 * <pre>
 * host: 10.20.0.1
 * port: 8443
 * tls: {keystore: /etc/herald-wakeup/proxy.p12, password: changeit}
 * secret: the-secret-shared-with-herald
 * min-interval: 10          # seconds between wakes of one device
 * networks:
 *   - {mcc: "214", mnc: "07", id: core-a, ranges: [10.20.0.0/16, "fd00:20::/48"]}
 * </pre>
 */
public final class Main {
    record File(String host, Integer port, WakeupProxyConfig.Tls tls, String secret, Integer minInterval, List<NetworkEntry> networks) {}

    record NetworkEntry(String mcc, String mnc, String id, List<String> ranges) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("usage: Main --config wakeup-proxy.yaml");
            System.exit(2);
        }
        WakeupProxyConfig config = load(Path.of(args[1]));
        WakeupProxy proxy = WakeupProxy.start(config, InstantSource.system());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            stopped.countDown();
        }, "wakeup-proxy-stop"));
        stopped.await();
    }

    static WakeupProxyConfig load(Path path) throws java.io.IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File f = yaml.readValue(path.toFile(), File.class);
        if (f.secret() == null || f.networks() == null) throw new IllegalArgumentException(path + ": secret and networks are required");
        List<Network> networks = f.networks().stream()
                .map(n -> new Network(n.mcc(), n.mnc(), n.id(), n.ranges() == null ? List.of() : n.ranges().stream().map(Cidr::parse).toList()))
                .toList();
        WakeupProxyConfig c = WakeupProxyConfig.of(f.host() == null ? "0.0.0.0" : f.host(), f.port() == null ? 8443 : f.port(),
                f.tls() == null ? WakeupProxyConfig.Tls.NONE : f.tls(), f.secret(), networks);
        return f.minInterval() == null ? c : c.withMinInterval(Duration.ofSeconds(f.minInterval()));
    }

    private Main() {}
}
