package org.herald.store.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.bson.Document;
import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;
import org.herald.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MongoDB behind a local journal, for the embedded server: a write is durable once its record is in
 * the journal (group commit), and reaches MongoDB later in a batch, where several writes of the same
 * document within one interval become one. Until then reads of that document are answered from
 * memory; a query first writes that collection's unflushed documents. After each flush the database's own commit runs and the journal
 * segments it covered are deleted; at start-up leftover segments are replayed, in order, which is
 * safe because every record is a whole document put or delete.
 *
 * <pre>
 *   replace/delete ─► journal (durable) ─► pending ──every interval──► bulk write ─► commit ─► drop segments
 *   byId ─► pending, then in flight, then MongoDB      find ─► that collection's pending to MongoDB, then MongoDB
 * </pre>
 */
public final class JournaledDatabase implements DocumentDatabase {
    private static final Logger log = LoggerFactory.getLogger(JournaledDatabase.class);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final DocumentCodec CODEC = new DocumentCodec();

    private record Key(String collection, String id) {}

    /** A write waiting for MongoDB: the whole document, or null for a delete. */
    private record Pending(Document document) {}

    private final MongoDatabase db;
    private final Journal journal;
    private final Runnable commit;
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock(true);
    private final ReentrantLock flushing = new ReentrantLock();
    private volatile Map<Key, Pending> pending = new ConcurrentHashMap<>();
    private volatile Map<Key, Pending> inFlight = Map.of();
    private final Thread flusher;
    private volatile boolean closed;

    private JournaledDatabase(MongoDatabase db, Journal journal, Runnable commit, Duration interval) {
        this.db = db;
        this.journal = journal;
        this.commit = commit;
        this.flusher = Thread.ofPlatform().daemon().name("herald-store-flush").start(() -> flushEvery(interval));
    }

    /**
     * Replays what an earlier run left in {@code dir} into MongoDB, then starts journaling.
     *
     * @param commit makes what MongoDB holds durable (the embedded H2 store's commit)
     */
    public static JournaledDatabase open(MongoDatabase db, Path dir, Duration interval, boolean fsync, Runnable commit) {
        Journal journal = new Journal(dir, fsync);
        List<Path> leftover = journal.olderSegments();
        if (!leftover.isEmpty()) {
            Map<Key, Pending> replayed = new HashMap<>();
            int[] records = {0};
            for (Path segment : leftover) {
                Journal.replay(segment, bytes -> {
                    Document r = new RawBsonDocument(bytes).decode(CODEC);
                    replayed.put(new Key(r.getString("c"), r.getString("i")), new Pending(r.get("d", Document.class)));
                    records[0]++;
                });
            }
            apply(db, replayed);
            commit.run();
            journal.delete(leftover);
            log.info("replayed {} journal records ({} documents) from {} segment(s)", records[0], replayed.size(), leftover.size());
        }
        return new JournaledDatabase(db, journal, commit, interval);
    }

    @Override
    public DocumentCollection collection(String name) {
        return new Collection(name);
    }

    /** Writes everything journaled so far to MongoDB and commits it. */
    @Override
    public void flush() {
        flushing.lock();
        try {
            Map<Key, Pending> batch;
            List<Path> covered;
            swap.writeLock().lock();
            try {
                batch = pending;
                if (batch.isEmpty()) {
                    commit.run(); // cheap when nothing changed; covers writes tools made around the journal
                    return;
                }
                inFlight = batch;
                pending = new ConcurrentHashMap<>();
                covered = journal.rotate();
            } finally {
                swap.writeLock().unlock();
            }
            try {
                apply(db, batch);
                commit.run();
            } catch (RuntimeException e) {
                restoreInFlight();
                throw e;
            }
            inFlight = Map.of();
            journal.delete(covered);
        } finally {
            flushing.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        flusher.interrupt();
        try {
            flusher.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        journal.close();
    }

    private void flushEvery(Duration interval) {
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            try {
                flush();
            } catch (RuntimeException e) {
                log.warn("flush to MongoDB failed, will retry: {}", e.toString());
            }
        }
    }

    /** A failed flush puts its batch back under what came after it, so nothing is lost or reordered. */
    private void restoreInFlight() {
        swap.writeLock().lock();
        try {
            Map<Key, Pending> merged = new ConcurrentHashMap<>(inFlight);
            merged.putAll(pending);
            pending = merged;
            inFlight = Map.of();
        } finally {
            swap.writeLock().unlock();
        }
    }

    private static void apply(MongoDatabase db, Map<Key, Pending> batch) {
        Map<String, List<WriteModel<Document>>> byCollection = new HashMap<>();
        batch.forEach((key, p) -> byCollection.computeIfAbsent(key.collection(), c -> new ArrayList<>()).add(
                p.document() == null
                        ? new DeleteOneModel<>(Filters.eq("_id", key.id()))
                        : new ReplaceOneModel<>(Filters.eq("_id", key.id()), p.document(), UPSERT)));
        byCollection.forEach((name, writes) -> {
            try {
                DirectCollection.call(() -> db.getCollection(name).bulkWrite(writes, UNORDERED));
            } catch (StoreException e) {
                if (!(e.getCause() instanceof MongoBulkWriteException refused)) throw e; // unreachable: retry later
                // MongoDB refused these documents (not a failure to reach it): retrying would refuse them forever
                refused.getWriteErrors().forEach(error -> log.error("MongoDB refused a write to {}: {}", name, error.getMessage()));
            }
        });
    }

    private void write(Key key, Document document) {
        Document record = new Document("c", key.collection()).append("i", key.id()).append("d", document);
        byte[] bytes = toBytes(record);
        long ticket;
        swap.readLock().lock();
        try {
            pending.put(key, new Pending(document));
            ticket = journal.enqueue(bytes);
        } finally {
            swap.readLock().unlock();
        }
        journal.awaitDurable(ticket);
    }

    private Pending unflushed(Key key) {
        Pending p = pending.get(key);
        return p != null ? p : inFlight.get(key);
    }

    private static byte[] toBytes(Document document) {
        BasicOutputBuffer out = new BasicOutputBuffer();
        CODEC.encode(new BsonBinaryWriter(out), document, EncoderContext.builder().build());
        return out.toByteArray();
    }

    private final class Collection implements DocumentCollection {
        private final String name;
        private final DirectCollection direct;

        Collection(String name) {
            this.name = name;
            this.direct = new DirectCollection(db.getCollection(name));
        }

        @Override
        public Document byId(String id) {
            Pending p = unflushed(new Key(name, id));
            if (p != null) return p.document();
            return direct.byId(id);
        }

        @Override
        public <T> List<T> find(Bson filter, int limit, Function<Document, T> decode) {
            writeThrough();
            return direct.find(filter, limit, decode);
        }

        @Override
        public void replace(String id, Document document) {
            write(new Key(name, id), document);
        }

        @Override
        public boolean delete(String id) {
            boolean existed = byId(id) != null;
            write(new Key(name, id), null);
            return existed;
        }

        @Override
        public long count() {
            writeThrough();
            return direct.count();
        }

        /**
         * Puts this collection's unflushed documents into MongoDB so a query sees them. They stay pending
         * (the journal still covers them) and the next flush writes them again, which changes nothing.
         */
        private void writeThrough() {
            flushing.lock(); // MongoDB is written by one thread at a time, each time with newer snapshots
            try {
                Map<Key, Pending> mine = new HashMap<>();
                for (Map<Key, Pending> source : List.of(inFlight, pending)) {
                    source.forEach((key, p) -> {
                        if (key.collection().equals(name)) mine.put(key, p);
                    });
                }
                if (!mine.isEmpty()) apply(db, mine);
            } finally {
                flushing.unlock();
            }
        }

        @Override
        public void createIndex(Bson keys, IndexOptions options) {
            direct.createIndex(keys, options);
        }
    }
}
