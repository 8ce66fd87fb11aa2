package org.herald.server.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.herald.server.config.HeraldConfig;
import org.herald.store.mongo.DocumentDatabase;
import org.herald.store.mongo.JournaledDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB Herald stores into: an external one from {@code storage.mongodb.uri} (written with a
 * journaled majority write concern), or by default an embedded mongo-java-server on loopback whose H2
 * file lives under {@code storage.dir}. The embedded store is written through a {@link JournaledDatabase}:
 * every acknowledged write is in Herald's journal before Herald answers, and reaches H2 in batches,
 * each followed by an H2 commit (H2 is opened with auto-commit off, so it never commits half a batch).
 */
public final class StorageRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StorageRuntime.class);
    public static final String PORT_FILE = "mongo.port";

    private final MongoServer embedded;
    private final H2Backend h2;
    private final MongoClient client;
    private final MongoDatabase database;
    private final DocumentDatabase documents;
    private final Path portFile;

    private StorageRuntime(MongoServer embedded, H2Backend h2, MongoClient client, MongoDatabase database,
                           DocumentDatabase documents, Path portFile) {
        this.embedded = embedded;
        this.h2 = h2;
        this.client = client;
        this.database = database;
        this.documents = documents;
        this.portFile = portFile;
    }

    public static StorageRuntime start(HeraldConfig.Storage config) {
        if (!config.mongodb().uri().isBlank()) return external(config);
        Path dir = Path.of(config.dir()).toAbsolutePath();
        createDirectories(dir);
        H2Backend h2 = null;
        MongoBackend backend;
        if (config.embedded().backend().equals("h2")) {
            MVStore store = new MVStore.Builder().fileName(dir.resolve("herald.mv.db").toString())
                    .autoCommitDisabled().open();
            h2 = new H2Backend(store);
            backend = h2;
        } else {
            backend = new MemoryBackend();
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        int port = server.getLocalAddress().getPort();
        Path portFile = dir.resolve(PORT_FILE);
        writePortFile(portFile, port);
        MongoClient client = MongoClients.create(settings(new ConnectionString("mongodb://127.0.0.1:" + port)));
        MongoDatabase db = client.getDatabase(config.mongodb().database());
        DocumentDatabase documents;
        if (h2 != null) {
            H2Backend committed = h2;
            documents = JournaledDatabase.open(db, dir.resolve("journal"),
                    Duration.ofMillis(config.embedded().flushInterval()), config.embedded().fsync(), committed::commit);
        } else {
            documents = DocumentDatabase.direct(db); // the memory backend keeps nothing anyway
        }
        log.info("embedded MongoDB ({}) on 127.0.0.1:{}, data in {}", config.embedded().backend(), port, dir);
        return new StorageRuntime(server, h2, client, db, documents, portFile);
    }

    /**
     * For command-line tools: the running server's embedded MongoDB if one is up (found through the
     * port file it writes; the server commits what tools write within a flush interval), else the
     * store itself, opened like {@link #start}.
     */
    public static StorageRuntime attach(HeraldConfig.Storage config) {
        if (!config.mongodb().uri().isBlank()) return external(config);
        Path portFile = Path.of(config.dir()).toAbsolutePath().resolve(PORT_FILE);
        if (Files.exists(portFile)) {
            try (var probe = new java.net.Socket()) {
                int port = Integer.parseInt(Files.readString(portFile).trim());
                probe.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
                MongoClient client = MongoClients.create(settings(new ConnectionString("mongodb://127.0.0.1:" + port)));
                MongoDatabase db = client.getDatabase(config.mongodb().database());
                return new StorageRuntime(null, null, client, db, DocumentDatabase.direct(db), null);
            } catch (IOException | NumberFormatException e) {
                log.debug("no running server behind {}: {}", portFile, e.toString());
            }
        }
        return start(config);
    }

    private static StorageRuntime external(HeraldConfig.Storage config) {
        ConnectionString uri = new ConnectionString(config.mongodb().uri());
        MongoClient client = MongoClients.create(settings(uri));
        String name = uri.getDatabase() != null ? uri.getDatabase() : config.mongodb().database();
        MongoDatabase db = client.getDatabase(name);
        if (uri.getWriteConcern() == null) db = db.withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        log.info("MongoDB at {}, database {}", uri.getHosts(), name);
        return new StorageRuntime(null, null, client, db, DocumentDatabase.direct(db), null);
    }

    private static MongoClientSettings settings(ConnectionString uri) {
        return MongoClientSettings.builder().applyConnectionString(uri)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build();
    }

    public DocumentDatabase documents() {
        return documents;
    }

    /** Reclaims space in the embedded store's file; cheap to call now and then. */
    public void compact() {
        if (h2 != null) h2.getMvStore().compact(80, 4 << 20);
    }

    /** Whether the store answers. */
    public boolean reachable() {
        try {
            database.runCommand(new org.bson.Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        documents.close();
        client.close();
        if (embedded != null) {
            embedded.shutdownNow();
            try {
                Files.deleteIfExists(portFile);
            } catch (IOException e) {
                log.debug("cannot remove {}", portFile, e);
            }
        }
    }

    private static void writePortFile(Path file, int port) {
        try {
            Files.writeString(file, Integer.toString(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create storage.dir " + dir, e);
        }
    }
}
