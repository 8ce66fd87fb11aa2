package org.herald.presence.xcap.store.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.herald.presence.xcap.store.DocumentKey;
import org.herald.presence.xcap.store.XcapDocument;
import org.herald.presence.xcap.store.XcapDocumentStore;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;

/**
 * XCAP documents in MongoDB, one MongoDB document each (so a write is a single-document replace),
 * keyed by {@code auid/users/<encoded XUI>/name} or {@code auid/global/name}.
 */
public final class MongoXcapDocumentStore implements XcapDocumentStore {
    private final DocumentCollection documents;

    public MongoXcapDocumentStore(DocumentDatabase db) {
        this.documents = db.collection("xcap_documents");
        documents.createIndex(Indexes.ascending("xui"), new IndexOptions().name("xui"));
        documents.createIndex(Indexes.ascending("auid"), new IndexOptions().name("auid"));
    }

    @Override
    public Optional<XcapDocument> find(DocumentKey key) {
        return Optional.ofNullable(documents.byId(id(key))).map(MongoXcapDocumentStore::decode);
    }

    @Override
    public void save(XcapDocument d) {
        DocumentKey key = d.key();
        documents.replace(id(key), new Document("_id", id(key)).append("auid", key.auid()).append("xui", key.xui())
                .append("name", key.name()).append("etag", d.etag()).append("body", new Binary(d.body()))
                .append("modifiedAt", Date.from(d.modifiedAt())));
    }

    @Override
    public boolean remove(DocumentKey key) {
        return documents.delete(id(key));
    }

    @Override
    public List<XcapDocument> ofUser(String xui) {
        return documents.find(Filters.eq("xui", xui), MongoXcapDocumentStore::decode);
    }

    @Override
    public List<XcapDocument> ofApplication(String auid) {
        return documents.find(Filters.eq("auid", auid), MongoXcapDocumentStore::decode);
    }

    /** Unambiguous: the AUID has no slash and the encoded XUI none either; the name is the rest. */
    static String id(DocumentKey key) {
        return key.auid() + (key.isGlobal() ? "/global/" : "/users/" + URLEncoder.encode(key.xui(), StandardCharsets.UTF_8) + "/")
                + key.name();
    }

    private static XcapDocument decode(Document d) {
        Object body = d.get("body");
        byte[] bytes = body instanceof Binary b ? b.getData() : (byte[]) body;
        return new XcapDocument(new DocumentKey(d.getString("auid"), d.getString("xui"), d.getString("name")),
                d.getString("etag"), bytes, d.getDate("modifiedAt").toInstant());
    }
}
