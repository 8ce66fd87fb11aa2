package org.herald.sip.store.mongo;

import static org.herald.sip.store.mongo.Fields.date;
import static org.herald.sip.store.mongo.Fields.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.herald.sip.message.Aor;
import org.herald.sip.registrar.Binding;
import org.herald.sip.registrar.BindingStore;
import org.herald.sip.registrar.Registration;
import org.herald.storage.Durability;

/** Bindings in MongoDB: one document per AOR holding all its contacts, so each REGISTER is one atomic write. */
public final class MongoBindingStore implements BindingStore {
    private final MongoCollection<Document> collection;
    private final Durability durability;

    public MongoBindingStore(MongoDatabase db, Durability durability) {
        this.collection = db.getCollection("bindings");
        this.durability = durability;
        collection.createIndex(Indexes.ascending("nextExpiry"), new IndexOptions().name("nextExpiry"));
        collection.createIndex(Indexes.ascending("flows"), new IndexOptions().name("flows"));
    }

    @Override
    public Optional<Registration> find(Aor aor) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", aor.toString())).first()).map(this::decode);
    }

    @Override
    public void save(Registration registration) {
        String id = registration.aor().toString();
        if (registration.isEmpty()) {
            collection.deleteOne(Filters.eq("_id", id));
        } else {
            collection.replaceOne(Filters.eq("_id", id), encode(registration), new ReplaceOptions().upsert(true));
        }
        durability.awaitDurable();
    }

    @Override
    public List<Registration> withExpiredBindings(Instant now, int limit) {
        return collection.find(Filters.lte("nextExpiry", date(now))).limit(limit).map(this::decode).into(new ArrayList<>());
    }

    @Override
    public List<Registration> onFlow(String flowId) {
        return collection.find(Filters.eq("flows", flowId)).map(this::decode).into(new ArrayList<>());
    }

    @Override
    public long countBindings() {
        long n = 0;
        for (Document d : collection.find().projection(new Document("bindings.uri", 1))) {
            n += d.getList("bindings", Document.class, List.of()).size();
        }
        return n;
    }

    private static Document encode(Registration r) {
        List<Document> bindings = r.bindings().stream().map(b -> new Document()
                .append("contact", b.contact()).append("uri", b.uri()).append("q", (double) b.q())
                .append("instance", b.instanceId()).append("regId", b.regId())
                .append("callId", b.callId()).append("cseq", b.cseq())
                .append("expiresAt", date(b.expiresAt())).append("flow", Fields.flow(b.flow()))
                .append("registeredAt", date(b.registeredAt())).append("userAgent", b.userAgent())).toList();
        return new Document("_id", r.aor().toString())
                .append("bindings", bindings)
                .append("nextExpiry", r.nextExpiry().map(Fields::date).orElse(null))
                .append("flows", r.bindings().stream().filter(b -> b.flow() != null && b.flow().transport().reliable())
                        .map(b -> b.flow().id()).distinct().toList());
    }

    private Registration decode(Document d) {
        List<Binding> bindings = d.getList("bindings", Document.class, List.of()).stream().map(b -> new Binding(
                b.getString("contact"), b.getString("uri"), ((Number) b.get("q")).floatValue(),
                b.getString("instance"), ((Number) b.get("regId")).intValue(), b.getString("callId"),
                Fields.longValue(b, "cseq"), instant(b, "expiresAt"), Fields.flow(b, "flow"),
                instant(b, "registeredAt"), b.getString("userAgent"))).toList();
        return new Registration(Aor.parse(d.getString("_id")), bindings);
    }
}
