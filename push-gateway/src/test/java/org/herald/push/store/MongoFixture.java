package org.herald.push.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.herald.store.mongo.DocumentDatabase;
import org.herald.store.mongo.JournaledDatabase;

/** An in-memory mongo-java-server on loopback, reached through the real driver (as sip-core's fixture). */
public final class MongoFixture implements AutoCloseable {
    private final MongoServer server;
    private final MongoClient client;

    public MongoFixture() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    private com.mongodb.client.MongoDatabase fresh() {
        return client.getDatabase("t" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Written straight to MongoDB, as with an external server. */
    public DocumentDatabase direct() {
        return DocumentDatabase.direct(fresh());
    }

    /** Written through a journal, as the embedded default is. */
    public DocumentDatabase journaled() {
        try {
            return JournaledDatabase.open(fresh(), Files.createTempDirectory("journal"), Duration.ofMillis(50), false, () -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
