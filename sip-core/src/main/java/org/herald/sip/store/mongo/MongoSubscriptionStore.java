package org.herald.sip.store.mongo;

import static org.herald.sip.store.mongo.Fields.date;
import static org.herald.sip.store.mongo.Fields.instant;

import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.herald.sip.event.Dialog;
import org.herald.sip.event.RateControl;
import org.herald.sip.event.SubscribeBody;
import org.herald.sip.event.Subscription;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.event.SubscriptionStore;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;

/** Subscriptions with their full dialog state in MongoDB, one document each. */
public final class MongoSubscriptionStore implements SubscriptionStore {
    private final DocumentCollection subscriptions;

    public MongoSubscriptionStore(DocumentDatabase db) {
        this.subscriptions = db.collection("subscriptions");
    }

    @Override
    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(subscriptions.byId(id)).map(MongoSubscriptionStore::decode);
    }

    @Override
    public void save(Subscription s) {
        subscriptions.replace(s.id(), encode(s));
    }

    @Override
    public void remove(String id) {
        subscriptions.delete(id);
    }

    @Override
    public List<Subscription> all() {
        return subscriptions.find(Filters.empty(), MongoSubscriptionStore::decode);
    }

    @Override
    public long count() {
        return subscriptions.count();
    }

    private static Document encode(Subscription s) {
        Dialog d = s.dialog();
        Document dialog = new Document("callId", d.callId()).append("localTag", d.localTag())
                .append("remoteTag", d.remoteTag()).append("localUri", d.localUri()).append("remoteUri", d.remoteUri())
                .append("remoteTarget", d.remoteTarget()).append("routeSet", d.routeSet())
                .append("localCseq", d.localCseq()).append("remoteCseq", d.remoteCseq())
                .append("localContact", d.localContact());
        return new Document("_id", s.id()).append("event", s.event()).append("eventId", s.eventId())
                .append("resource", s.resource().toString()).append("watcher", s.watcher().toString())
                .append("dialog", dialog).append("state", s.state().name()).append("expiresAt", date(s.expiresAt()))
                .append("accept", s.accept()).append("flow", Fields.flow(s.flow()))
                .append("cseqCeiling", s.cseqCeiling()).append("createdAt", date(s.createdAt()))
                .append("rate", rate(s.rate())).append("body", body(s.body()));
    }

    private static Document rate(RateControl r) {
        return r.isNone() ? null : new Document("minInterval", r.minIntervalMillis())
                .append("maxInterval", r.maxIntervalMillis()).append("adaptiveMinRate", r.adaptiveMinRate());
    }

    private static RateControl rate(Document r) {
        if (r == null) return RateControl.NONE;
        Object rate = r.get("adaptiveMinRate");
        return new RateControl(Fields.longValue(r, "minInterval"), Fields.longValue(r, "maxInterval"),
                rate instanceof Number n ? n.doubleValue() : 0);
    }

    private static Document body(SubscribeBody b) {
        return b.isEmpty() ? null : new Document("contentType", b.contentType()).append("content", new Binary(b.content()));
    }

    private static SubscribeBody body(Document b) {
        return b == null ? SubscribeBody.NONE : new SubscribeBody(b.getString("contentType"), Fields.bytes(b, "content"));
    }

    private static Subscription decode(Document doc) {
        Document d = doc.get("dialog", Document.class);
        Dialog dialog = new Dialog(d.getString("callId"), d.getString("localTag"), d.getString("remoteTag"),
                d.getString("localUri"), d.getString("remoteUri"), d.getString("remoteTarget"),
                Fields.strings(d, "routeSet"), Fields.longValue(d, "localCseq"), Fields.longValue(d, "remoteCseq"),
                d.getString("localContact"));
        return new Subscription(doc.getString("_id"), doc.getString("event"), doc.getString("eventId"),
                Fields.aor(doc, "resource"), Fields.aor(doc, "watcher"), dialog,
                SubscriptionState.valueOf(doc.getString("state")), instant(doc, "expiresAt"),
                Fields.strings(doc, "accept"), Fields.flow(doc, "flow"), Fields.longValue(doc, "cseqCeiling"),
                instant(doc, "createdAt"), rate(doc.get("rate", Document.class)), body(doc.get("body", Document.class)));
    }
}
