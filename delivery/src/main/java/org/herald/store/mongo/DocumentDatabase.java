package org.herald.store.mongo;

import com.mongodb.client.MongoDatabase;

/**
 * Where the stores keep their documents: straight in MongoDB ({@link #direct}, for an external server
 * with a journaled majority write concern), or through a local journal with batched write-behind
 * ({@link JournaledDatabase}, for the embedded server, whose own commits are too slow to wait for).
 */
public interface DocumentDatabase extends AutoCloseable {

    DocumentCollection collection(String name);

    /** Makes MongoDB itself hold every write done so far (a no-op when writes go there directly). */
    default void flush() {}

    @Override
    default void close() {}

    static DocumentDatabase direct(MongoDatabase db) {
        return name -> new DirectCollection(db.getCollection(name));
    }
}
