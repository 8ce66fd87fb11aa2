package org.herald.sip.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.herald.store.mongo.DocumentDatabase;
import org.herald.store.mongo.JournaledDatabase;

/** An in-memory mongo-java-server on loopback with the real driver talking to it. One per test class. */
public final class MongoFixture implements AutoCloseable {
    private final MongoServer server;
    private final MongoClient client;

    public MongoFixture() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    /** A database no other test uses. */
    public MongoDatabase freshDatabase() {
        return client.getDatabase("t" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** A fresh database written directly, as with an external MongoDB. */
    public DocumentDatabase direct() {
        return DocumentDatabase.direct(freshDatabase());
    }

    /** A fresh database written through a journal in a new temporary directory, as the embedded default is. */
    public DocumentDatabase journaled() {
        try {
            return JournaledDatabase.open(freshDatabase(), Files.createTempDirectory("journal"), Duration.ofMillis(50), false, () -> {});
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
