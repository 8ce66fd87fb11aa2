package org.herald.sip.store.mongo;

import com.mongodb.client.model.Filters;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.herald.sip.auth.User;
import org.herald.sip.auth.UserStore;
import org.herald.sip.message.Aor;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;

/** SIP users in MongoDB, keyed by AOR; HA1 values as a list (their keys hold dots). */
public final class MongoUserStore implements UserStore {
    private final DocumentCollection users;

    public MongoUserStore(DocumentDatabase db) {
        this.users = db.collection("users");
    }

    @Override
    public Optional<User> find(Aor aor) {
        return Optional.ofNullable(users.byId(aor.toString())).map(MongoUserStore::decode);
    }

    @Override
    public void save(User user) {
        List<Document> ha1 = user.ha1ByKey().entrySet().stream()
                .map(e -> new Document("key", e.getKey()).append("ha1", e.getValue())).toList();
        users.replace(user.aor().toString(), new Document("_id", user.aor().toString()).append("ha1", ha1));
    }

    @Override
    public boolean remove(Aor aor) {
        return users.delete(aor.toString());
    }

    @Override
    public List<User> list() {
        return users.find(Filters.empty(), MongoUserStore::decode);
    }

    private static User decode(Document d) {
        var ha1 = new HashMap<String, String>();
        for (Document e : d.getList("ha1", Document.class, List.of())) ha1.put(e.getString("key"), e.getString("ha1"));
        return new User(Aor.parse(d.getString("_id")), ha1);
    }
}
