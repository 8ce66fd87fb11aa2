package org.herald.wakeup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @Test
    void readsTheDocumentedFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("proxy.yaml");
        Files.writeString(file, """
                host: 10.20.0.1
                port: 8443
                tls: {keystore: /etc/herald-wakeup/proxy.p12, password: changeit}
                secret: the-secret-shared-with-herald
                min-interval: 10
                networks:
                  - {mcc: "214", mnc: "07", id: core-a, ranges: [10.20.0.0/16, "fd00:20::/48"]}
                """);
        WakeupProxyConfig c = Main.load(file);
        assertEquals(8443, c.port());
        assertEquals(Duration.ofSeconds(10), c.minInterval());
        assertTrue(c.networks().get(0).reaches(InetAddress.getByName("fd00:20::9")));
        Files.writeString(file, "secret: x-secret-of-sixteen-bytes\nnetworks: []\nextra: 1\n");
        assertThrows(Exception.class, () -> Main.load(file), "unknown keys are errors");
    }
}
