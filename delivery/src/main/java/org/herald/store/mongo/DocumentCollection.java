package org.herald.store.mongo;

import com.mongodb.client.model.IndexOptions;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A MongoDB collection of documents keyed by {@code _id}, as every Herald store uses it: whole-document
 * writes (single-document atomic, so nothing needs transactions) that are durable when they return.
 * Driver failures surface as {@link org.herald.storage.StoreException}.
 */
public interface DocumentCollection {

    /** The document, or null. Callers must not modify it. */
    Document byId(String id);

    /** At most {@code limit} documents matching (0: all), decoded. */
    <T> List<T> find(Bson filter, int limit, Function<Document, T> decode);

    default <T> List<T> find(Bson filter, Function<Document, T> decode) {
        return find(filter, 0, decode);
    }

    /** Inserts or replaces the document with this id; durable on return. */
    void replace(String id, Document document);

    /** Removes the document; durable on return. Returns whether there was one. */
    boolean delete(String id);

    long count();

    void createIndex(Bson keys, IndexOptions options);
}
