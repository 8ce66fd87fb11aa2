package org.herald.store.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal and write-behind of the embedded mode, on a real (in-memory) MongoDB through the driver. */
class JournaledDatabaseTest {
    private static final Duration NEVER = Duration.ofHours(1);
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoDatabase mongo;
    private final List<JournaledDatabase> opened = new ArrayList<>();

    JournaledDatabaseTest() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = client.getDatabase("journal_test");
    }

    @AfterEach
    void stop() {
        opened.forEach(JournaledDatabase::close);
        client.close();
        server.shutdownNow();
    }

    private JournaledDatabase open(Path dir, Runnable commit) {
        JournaledDatabase db = JournaledDatabase.open(mongo, dir, NEVER, false, commit);
        opened.add(db);
        return db;
    }

    private long inMongo(String collection, String id) {
        return mongo.getCollection(collection).countDocuments(Filters.eq("_id", id));
    }

    @Test
    void writesAreReadBackBeforeTheyReachMongoAndCoalesceOnTheWay(@TempDir Path dir) {
        AtomicInteger commits = new AtomicInteger();
        JournaledDatabase db = open(dir, commits::incrementAndGet);
        DocumentCollection things = db.collection("things");
        things.replace("a", new Document("_id", "a").append("v", 1));
        things.replace("a", new Document("_id", "a").append("v", 2));
        things.replace("b", new Document("_id", "b").append("v", 1));
        assertTrue(things.delete("b"));
        assertEquals(2, things.byId("a").getInteger("v"));
        assertNull(things.byId("b"));
        assertEquals(0, inMongo("things", "a"), "not in MongoDB before a flush");

        db.flush();
        assertEquals(2, mongo.getCollection("things").find(Filters.eq("_id", "a")).first().getInteger("v"));
        assertEquals(0, inMongo("things", "b"));
        assertEquals(1, commits.get(), "the store is committed after the batch");
    }

    @Test
    void queriesSeeEveryWriteBeforeThem(@TempDir Path dir) {
        DocumentCollection things = open(dir, () -> {}).collection("things");
        things.replace("a", new Document("_id", "a").append("kind", "x"));
        things.replace("b", new Document("_id", "b").append("kind", "x"));
        assertEquals(List.of("a", "b"), things.find(Filters.eq("kind", "x"), d -> d.getString("_id")));
        assertEquals(2, things.count());
    }

    @Test
    void whatWasJournaledSurvivesAProcessThatNeverFlushed(@TempDir Path dir) {
        JournaledDatabase crashed = JournaledDatabase.open(mongo, dir, NEVER, false, () -> {}); // never closed: a kill -9
        crashed.collection("things").replace("a", new Document("_id", "a").append("v", 1));
        crashed.collection("things").replace("a", new Document("_id", "a").append("v", 7));
        crashed.collection("things").replace("gone", new Document("_id", "gone"));
        crashed.collection("things").delete("gone");
        assertEquals(0, inMongo("things", "a"));

        AtomicInteger commits = new AtomicInteger();
        open(dir, commits::incrementAndGet); // the restart replays in order
        assertEquals(7, mongo.getCollection("things").find(Filters.eq("_id", "a")).first().getInteger("v"));
        assertEquals(0, inMongo("things", "gone"));
        assertEquals(1, commits.get());
    }

    @Test
    void aTornLastRecordIsIgnoredAndTheRestReplayed(@TempDir Path dir) throws IOException {
        JournaledDatabase crashed = JournaledDatabase.open(mongo, dir, NEVER, false, () -> {});
        crashed.collection("things").replace("a", new Document("_id", "a"));
        crashed.collection("things").replace("b", new Document("_id", "b"));
        Path segment;
        try (var files = Files.list(dir)) {
            segment = files.filter(p -> p.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - 3), StandardOpenOption.TRUNCATE_EXISTING);

        open(dir, () -> {});
        assertEquals(1, inMongo("things", "a"));
        assertEquals(0, inMongo("things", "b"), "the half-written record is not applied");
    }

    @Test
    void aFlushDeletesTheSegmentsItCovered(@TempDir Path dir) throws IOException {
        JournaledDatabase db = open(dir, () -> {});
        db.collection("things").replace("a", new Document("_id", "a"));
        db.flush();
        db.collection("things").replace("b", new Document("_id", "b"));
        db.flush();
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the segment being written remains");
        }
    }
}
