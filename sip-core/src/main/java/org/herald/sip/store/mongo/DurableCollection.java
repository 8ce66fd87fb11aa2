package org.herald.sip.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.herald.storage.Durability;
import org.herald.storage.StoreException;

/**
 * A collection of documents keyed by {@code _id} whose every write is durable before it returns, and
 * whose driver failures surface as {@link StoreException}: what each store needs, written once.
 */
final class DurableCollection {
    private final MongoCollection<Document> collection;
    private final Durability durability;

    DurableCollection(MongoDatabase db, String name, Durability durability) {
        this.collection = db.getCollection(name);
        this.durability = durability;
    }

    MongoCollection<Document> raw() {
        return collection;
    }

    Document byId(String id) {
        return call(() -> collection.find(Filters.eq("_id", id)).first());
    }

    <T> List<T> find(Bson filter, Function<Document, T> decode) {
        return find(filter, 0, decode);
    }

    /** At most {@code limit} matches (0: all). */
    <T> List<T> find(Bson filter, int limit, Function<Document, T> decode) {
        return call(() -> collection.find(filter).limit(limit).map(decode::apply).into(new ArrayList<>()));
    }

    void replace(String id, Document document) {
        call(() -> collection.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true)));
        durability.awaitDurable();
    }

    void update(String id, Bson update) {
        call(() -> collection.updateOne(Filters.eq("_id", id), update));
        durability.awaitDurable();
    }

    /** Returns whether a document was removed. */
    boolean delete(String id) {
        boolean removed = call(() -> collection.deleteOne(Filters.eq("_id", id)).getDeletedCount() > 0);
        durability.awaitDurable();
        return removed;
    }

    long count() {
        return call(collection::countDocuments);
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw new StoreException("MongoDB: " + e.getMessage(), e);
        }
    }
}
