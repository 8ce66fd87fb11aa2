package org.herald.sip.store.mongo;

import static org.herald.sip.store.mongo.Fields.date;
import static org.herald.sip.store.mongo.Fields.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.herald.sip.publish.Publication;
import org.herald.sip.publish.PublicationStore;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;

/** Publications in MongoDB, one document each, found by id or by their current entity tag. */
public final class MongoPublicationStore implements PublicationStore {
    private final DocumentCollection publications;

    public MongoPublicationStore(DocumentDatabase db) {
        this.publications = db.collection("publications");
        publications.createIndex(Indexes.ascending("etag"), new IndexOptions().name("etag").unique(true));
        publications.createIndex(Indexes.ascending("event", "resource"), new IndexOptions().name("resource"));
    }

    @Override
    public Optional<Publication> findByEntityTag(String entityTag) {
        return publications.find(Filters.eq("etag", entityTag), MongoPublicationStore::decode).stream().findFirst();
    }

    @Override
    public void save(Publication p) {
        publications.replace(p.id(), new Document("_id", p.id()).append("etag", p.entityTag()).append("event", p.event())
                .append("resource", p.resource().toString()).append("contentType", p.contentType())
                .append("body", new Binary(p.body())).append("expiresAt", date(p.expiresAt()))
                .append("modifiedAt", date(p.modifiedAt())).append("sequence", p.sequence()));
    }

    @Override
    public void remove(String id) {
        publications.delete(id);
    }

    @Override
    public List<Publication> all() {
        return publications.find(Filters.empty(), MongoPublicationStore::decode);
    }

    @Override
    public long count() {
        return publications.count();
    }

    private static Publication decode(Document d) {
        return new Publication(d.getString("_id"), d.getString("etag"), d.getString("event"),
                Fields.aor(d, "resource"), d.getString("contentType"), Fields.bytes(d, "body"),
                instant(d, "expiresAt"), instant(d, "modifiedAt"), Fields.longValue(d, "sequence"));
    }
}
