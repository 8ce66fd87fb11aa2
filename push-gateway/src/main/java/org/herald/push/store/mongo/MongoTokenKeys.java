package org.herald.push.store.mongo;

import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;

/** The token key Herald makes for itself when the configuration gives none, kept in {@code push_secrets}. */
public final class MongoTokenKeys {
    private static final String ID = "token-keys";

    private MongoTokenKeys() {}

    /** The stored keys, or a new one made by {@code newKey} and stored durably first. */
    public static List<String> loadOrCreate(DocumentDatabase db, Supplier<String> newKey) {
        DocumentCollection secrets = db.collection("push_secrets");
        Document d = secrets.byId(ID);
        if (d != null) return d.getList("keys", String.class);
        List<String> keys = List.of(newKey.get());
        secrets.replace(ID, new Document("_id", ID).append("keys", keys));
        return keys;
    }
}
