package org.herald.sip.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.herald.sip.auth.User;
import org.herald.sip.auth.UserStore;
import org.herald.sip.message.Aor;
import org.herald.storage.Durability;

/** SIP users in MongoDB, keyed by AOR; HA1 values as a list (their keys hold dots). */
public final class MongoUserStore implements UserStore {
    private final MongoCollection<Document> collection;
    private final Durability durability;

    public MongoUserStore(MongoDatabase db, Durability durability) {
        this.collection = db.getCollection("users");
        this.durability = durability;
    }

    @Override
    public Optional<User> find(Aor aor) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", aor.toString())).first()).map(MongoUserStore::decode);
    }

    @Override
    public void save(User user) {
        List<Document> ha1 = user.ha1ByKey().entrySet().stream()
                .map(e -> new Document("key", e.getKey()).append("ha1", e.getValue())).toList();
        collection.replaceOne(Filters.eq("_id", user.aor().toString()), new Document("_id", user.aor().toString())
                .append("ha1", ha1), new ReplaceOptions().upsert(true));
        durability.awaitDurable();
    }

    @Override
    public boolean remove(Aor aor) {
        boolean removed = collection.deleteOne(Filters.eq("_id", aor.toString())).getDeletedCount() > 0;
        durability.awaitDurable();
        return removed;
    }

    @Override
    public List<User> list() {
        return collection.find().map(MongoUserStore::decode).into(new ArrayList<>());
    }

    private static User decode(Document d) {
        var ha1 = new HashMap<String, String>();
        for (Document e : d.getList("ha1", Document.class, List.of())) ha1.put(e.getString("key"), e.getString("ha1"));
        return new User(Aor.parse(d.getString("_id")), ha1);
    }
}
