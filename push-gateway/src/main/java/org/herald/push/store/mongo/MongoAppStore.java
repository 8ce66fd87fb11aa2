package org.herald.push.store.mongo;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.herald.push.model.App;
import org.herald.push.store.AppStore;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;

/** Notification Server applications in {@code push_apps}, one document per appToken with its devices. */
public final class MongoAppStore implements AppStore {
    private final DocumentCollection apps;

    public MongoAppStore(DocumentDatabase db) {
        this.apps = db.collection("push_apps");
    }

    @Override
    public Optional<App> find(String appToken) {
        return Optional.ofNullable(apps.byId(appToken)).map(d -> new App(d.getString("_id"), d.getString("waToken"),
                d.getString("publicKey"), d.getList("devices", String.class, List.of()), Bson.instant(d, "createdAt")));
    }

    @Override
    public void save(App app) {
        apps.replace(app.appToken(), new Document("_id", app.appToken()).append("waToken", app.waToken())
                .append("publicKey", app.publicKey()).append("devices", app.devices())
                .append("createdAt", Bson.date(app.createdAt())));
    }

    @Override
    public boolean delete(String appToken) {
        return apps.delete(appToken);
    }
}
