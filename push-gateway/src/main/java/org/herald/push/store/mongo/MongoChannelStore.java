package org.herald.push.store.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.herald.push.model.Channel;
import org.herald.push.store.ChannelStore;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;

/** Web Push subscriptions in {@code push_channels}, keyed {@code uaid:channelID}. */
public final class MongoChannelStore implements ChannelStore {
    private final DocumentCollection channels;

    public MongoChannelStore(DocumentDatabase db) {
        this.channels = db.collection("push_channels");
        channels.createIndex(Indexes.ascending("uaid"), new IndexOptions().name("uaid"));
    }

    @Override
    public Optional<Channel> find(String uaid, String channelId) {
        return Optional.ofNullable(channels.byId(key(uaid, channelId))).map(MongoChannelStore::decode);
    }

    @Override
    public List<Channel> ofDevice(String uaid) {
        return channels.find(Filters.eq("uaid", uaid), MongoChannelStore::decode);
    }

    @Override
    public void save(Channel c) {
        channels.replace(key(c.uaid(), c.channelId()), new Document("_id", key(c.uaid(), c.channelId()))
                .append("uaid", c.uaid()).append("channelId", c.channelId()).append("key", c.appServerKey())
                .append("createdAt", Bson.date(c.createdAt())));
    }

    @Override
    public boolean delete(String uaid, String channelId) {
        return channels.delete(key(uaid, channelId));
    }

    private static String key(String uaid, String channelId) {
        return uaid + ":" + channelId;
    }

    private static Channel decode(Document d) {
        return new Channel(d.getString("uaid"), d.getString("channelId"), d.getString("key"), Bson.instant(d, "createdAt"));
    }
}
