package org.herald.wakeup.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.herald.store.mongo.DocumentDatabase;
import org.herald.store.mongo.JournaledDatabase;
import org.herald.wakeup.Cidr;
import org.herald.wakeup.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy store's contract, on MongoDB directly and through the embedded mode's journal. */
class ProxyStoreTest {
    private MongoServer server;
    private MongoClient client;
    @TempDir
    Path journal;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static final ProxyEndpoint LAB = new ProxyEndpoint("lab", URI.create("https://10.20.0.1:8443"), "a-shared-secret-16",
            List.of(new Network("214", "07", "core-a", List.of(Cidr.parse("10.20.0.0/16"), Cidr.parse("fd00:20::/48")))));

    private static void contract(ProxyStore store) throws Exception {
        assertTrue(store.all().isEmpty());
        store.save(LAB);
        assertEquals(List.of(LAB), store.all());
        assertEquals(LAB, store.find("lab").orElseThrow());
        ProxyEndpoint moved = new ProxyEndpoint("lab", URI.create("https://10.20.0.2:8443"), LAB.secret(), LAB.networks());
        store.save(moved);
        assertEquals(List.of(moved), store.all(), "replaced, not added");
        assertTrue(moved.serves("214", "07", java.net.InetAddress.getByName("fd00:20::1")));
        assertFalse(moved.serves("214", "01", java.net.InetAddress.getByName("10.20.0.9")), "another operator");
        assertTrue(store.remove("lab"));
        assertFalse(store.remove("lab"));
        assertTrue(store.find("lab").isEmpty());
    }

    @Test
    void direct() throws Exception {
        contract(new MongoProxyStore(DocumentDatabase.direct(client.getDatabase("t"))));
    }

    @Test
    void journaled() throws Exception {
        try (JournaledDatabase db = JournaledDatabase.open(client.getDatabase("t"), journal, Duration.ofMillis(50), false, () -> {})) {
            contract(new MongoProxyStore(db));
        }
    }
}
