package org.herald.sip.store.mongo;

import static org.herald.sip.store.mongo.Fields.date;
import static org.herald.sip.store.mongo.Fields.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.herald.sip.message.Aor;
import org.herald.sip.registrar.Binding;
import org.herald.sip.registrar.BindingStore;
import org.herald.sip.registrar.Registration;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;

/** Bindings in MongoDB: one document per AOR holding all its contacts, so each REGISTER is one atomic write. */
public final class MongoBindingStore implements BindingStore {
    private final DocumentCollection registrations;

    public MongoBindingStore(DocumentDatabase db) {
        this.registrations = db.collection("bindings");
        registrations.createIndex(Indexes.ascending("nextExpiry"), new IndexOptions().name("nextExpiry"));
        registrations.createIndex(Indexes.ascending("flows"), new IndexOptions().name("flows"));
        registrations.createIndex(Indexes.ascending("bindings.uri"), new IndexOptions().name("contacts"));
    }

    @Override
    public Optional<Registration> find(Aor aor) {
        return Optional.ofNullable(registrations.byId(aor.toString())).map(MongoBindingStore::decode);
    }

    @Override
    public void save(Registration registration) {
        String id = registration.aor().toString();
        if (registration.isEmpty()) registrations.delete(id);
        else registrations.replace(id, encode(registration));
    }

    @Override
    public List<Registration> withExpiredBindings(Instant now, int limit) {
        return registrations.find(Filters.lte("nextExpiry", date(now)), limit, MongoBindingStore::decode);
    }

    @Override
    public List<Registration> onFlow(String flowId) {
        return registrations.find(Filters.eq("flows", flowId), MongoBindingStore::decode);
    }

    @Override
    public List<Registration> withContact(String contactUri) {
        return registrations.find(Filters.eq("bindings.uri", contactUri), MongoBindingStore::decode);
    }

    @Override
    public List<Registration> list(int limit) {
        return registrations.find(Filters.empty(), limit, MongoBindingStore::decode).stream()
                .filter(r -> !r.bindings().isEmpty()).toList();
    }

    @Override
    public long countBindings() {
        return registrations.find(Filters.empty(), MongoBindingStore::decode).stream()
                .mapToLong(r -> r.bindings().size()).sum();
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

    private static Registration decode(Document d) {
        List<Binding> bindings = d.getList("bindings", Document.class, List.of()).stream().map(b -> new Binding(
                b.getString("contact"), b.getString("uri"), ((Number) b.get("q")).floatValue(),
                b.getString("instance"), ((Number) b.get("regId")).intValue(), b.getString("callId"),
                Fields.longValue(b, "cseq"), instant(b, "expiresAt"), Fields.flow(b, "flow"),
                instant(b, "registeredAt"), b.getString("userAgent"))).toList();
        return new Registration(Aor.parse(d.getString("_id")), bindings);
    }
}
