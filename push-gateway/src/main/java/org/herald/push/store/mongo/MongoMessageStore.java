package org.herald.push.store.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.herald.push.model.MessageState;
import org.herald.push.model.Priority;
import org.herald.push.model.Protocol;
import org.herald.push.model.PushMessage;
import org.herald.push.store.MessageStore;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;

/** Messages in {@code push_messages}; a {@code pending} flag indexes what still waits for a device. */
public final class MongoMessageStore implements MessageStore {
    /** Most urgent first, then by id, which orders by acceptance. */
    public static final Comparator<PushMessage> BACKLOG_ORDER =
            Comparator.comparing(PushMessage::priority).thenComparing(PushMessage::id);

    private final DocumentCollection messages;

    public MongoMessageStore(DocumentDatabase db) {
        this.messages = db.collection("push_messages");
        messages.createIndex(Indexes.ascending("device", "pending"), new IndexOptions().name("device_pending"));
        messages.createIndex(Indexes.ascending("group"), new IndexOptions().name("group"));
        messages.createIndex(Indexes.ascending("pending", "expiresAt"), new IndexOptions().name("pending_expiry"));
        messages.createIndex(Indexes.ascending("pending", "updatedAt"), new IndexOptions().name("finished"));
    }

    @Override
    public void save(PushMessage m) {
        messages.replace(m.id(), encode(m));
    }

    @Override
    public Optional<PushMessage> find(String id) {
        return Optional.ofNullable(messages.byId(id)).map(MongoMessageStore::decode);
    }

    @Override
    public List<PushMessage> pendingFor(String deviceId) {
        return messages.find(Filters.and(Filters.eq("device", deviceId), Filters.eq("pending", true)),
                MongoMessageStore::decode).stream().sorted(BACKLOG_ORDER).toList();
    }

    @Override
    public List<PushMessage> inGroup(String group) {
        return messages.find(Filters.eq("group", group), MongoMessageStore::decode).stream()
                .sorted(Comparator.comparing(PushMessage::id)).toList();
    }

    @Override
    public List<PushMessage> expired(Instant now, int limit) {
        return messages.find(Filters.and(Filters.eq("pending", true), Filters.lte("expiresAt", Bson.date(now))), limit,
                MongoMessageStore::decode);
    }

    @Override
    public List<PushMessage> finishedBefore(Instant before, int limit) {
        return messages.find(Filters.and(Filters.eq("pending", false), Filters.lt("updatedAt", Bson.date(before))), limit,
                MongoMessageStore::decode);
    }

    @Override
    public boolean delete(String id) {
        return messages.delete(id);
    }

    private static Document encode(PushMessage m) {
        return new Document("_id", m.id()).append("group", m.group()).append("device", m.deviceId())
                .append("protocol", m.protocol().name()).append("target", m.target()).append("asId", m.asId())
                .append("body", m.body()).append("headers", new Document(Map.copyOf(m.headers())))
                .append("priority", m.priority().name()).append("topic", m.topic()).append("timestamp", m.timestamp())
                .append("createdAt", Bson.date(m.createdAt())).append("expiresAt", Bson.date(m.expiresAt()))
                .append("state", m.state().name()).append("pending", m.state().pending())
                .append("updatedAt", Bson.date(m.updatedAt()));
    }

    private static PushMessage decode(Document d) {
        Document h = d.get("headers", Document.class);
        Map<String, String> headers = new java.util.HashMap<>();
        if (h != null) h.forEach((k, v) -> headers.put(k, String.valueOf(v)));
        return new PushMessage(d.getString("_id"), d.getString("group"), d.getString("device"),
                Protocol.valueOf(d.getString("protocol")), d.getString("target"), d.getString("asId"), d.getString("body"),
                headers, Priority.valueOf(d.getString("priority")), d.getString("topic"), Bson.longValue(d, "timestamp"),
                Bson.instant(d, "createdAt"), Bson.instant(d, "expiresAt"), MessageState.valueOf(d.getString("state")),
                Bson.instant(d, "updatedAt"));
    }
}
