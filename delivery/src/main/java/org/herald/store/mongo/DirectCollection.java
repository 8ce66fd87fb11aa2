package org.herald.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.herald.storage.StoreException;

/** Every operation straight to MongoDB; durability is the database's write concern. */
final class DirectCollection implements DocumentCollection {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> collection;

    DirectCollection(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    @Override
    public Document byId(String id) {
        return call(() -> collection.find(Filters.eq("_id", id)).first());
    }

    @Override
    public <T> List<T> find(Bson filter, int limit, Function<Document, T> decode) {
        return call(() -> collection.find(filter).limit(limit).map(decode::apply).into(new ArrayList<>()));
    }

    @Override
    public void replace(String id, Document document) {
        call(() -> collection.replaceOne(Filters.eq("_id", id), document, UPSERT));
    }

    @Override
    public boolean delete(String id) {
        return call(() -> collection.deleteOne(Filters.eq("_id", id)).getDeletedCount() > 0);
    }

    @Override
    public long count() {
        return call(collection::countDocuments);
    }

    @Override
    public void createIndex(Bson keys, IndexOptions options) {
        call(() -> collection.createIndex(keys, options));
    }

    static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw new StoreException("MongoDB: " + e.getMessage(), e);
        }
    }
}
