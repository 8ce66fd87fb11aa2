package org.herald.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.herald.sip.auth.AuthMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        HeraldConfig c = ConfigLoader.load(null, List.of(), Map.of());
        assertEquals(5060, c.sip().udp().port());
        assertEquals(5060, c.sip().tcp().port());
        assertEquals(5061, c.sip().tls().port());
        assertEquals(8080, c.http().port());
        assertEquals(AuthMode.DIGEST, c.auth().mode());
        assertEquals("", c.storage().mongodb().uri());
    }

    @Test
    void fileThenEnvironmentThenSetOverride(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("herald.yaml");
        Files.writeString(file, """
                sip:
                  domain: [example.com, example.org]
                  udp: {port: 5070}
                  registrar:
                    max-contacts: 3
                http:
                  port: 9000
                """);
        HeraldConfig c = ConfigLoader.load(file, List.of("http.port=9100", "auth.mode=open"),
                Map.of("HERALD_SIP_UDP_PORT", "5080", "HERALD_STORAGE_MONGODB_URI", "mongodb://db:27017/h", "PATH", "/bin"));
        assertEquals(List.of("example.com", "example.org"), c.sip().domain());
        assertEquals(5080, c.sip().udp().port(), "the environment beats the file");
        assertEquals(9100, c.http().port(), "--set beats the file");
        assertEquals(3, c.sip().registrar().maxContacts());
        assertEquals(60, c.sip().registrar().minExpires(), "keys the file leaves out keep their defaults");
        assertEquals(AuthMode.OPEN, c.auth().mode());
        assertEquals("mongodb://db:27017/h", c.storage().mongodb().uri());
    }

    @Test
    void aListKeyTakesCommaSeparatedValues() {
        HeraldConfig c = ConfigLoader.load(null, List.of("sip.domain=a.example, b.example"), Map.of());
        assertEquals(List.of("a.example", "b.example"), c.sip().domain());
    }

    @Test
    void unknownKeysAndBadValuesAreClearErrors(@TempDir Path dir) throws Exception {
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, List.of("sip.udpp.port=1"), Map.of()));
        assertTrue(unknown.getMessage().contains("sip.udpp.port"), unknown.getMessage());
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "sip:\n  nonsense: 1\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of(), Map.of()))
                .getMessage().contains("sip.nonsense"));
        assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("http.port=70000"), Map.of()));
        assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("http.port=eighty"), Map.of()));
        assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("auth.mode=maybe"), Map.of()));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("presence.composition=loudest"), Map.of()))
                .getMessage().startsWith("presence.composition"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("presence.privacy.unmatched=maybe"), Map.of()))
                .getMessage().startsWith("presence.privacy.unmatched"));
        assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("presence.stale-after=-1"), Map.of()));
        assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("log.format=xml"), Map.of()));
    }

    @Test
    void everyKeyIsDescribedWithItsDefault() {
        List<String> keys = ConfigLoader.describeDefaults();
        assertTrue(keys.contains("sip.udp.port = 5060"), keys.toString());
        assertTrue(keys.contains("auth.mode = \"digest\""), keys.toString());
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("storage.mongodb.uri = ")));
    }

    @Test
    void theExampleProductionConfigurationLoads() {
        HeraldConfig c = ConfigLoader.load(Path.of("..", "docs", "deploy", "herald.yaml"), List.of(), Map.of());
        assertEquals("mongodb://db1.example.com,db2.example.com,db3.example.com/herald?replicaSet=rs0", c.storage().mongodb().uri());
        assertEquals("/etc/herald/tls.p12", c.sip().tls().keystore());
        assertEquals("confirm", c.presence().privacy().withoutRules());
        assertEquals("json", c.log().format());
    }
}
