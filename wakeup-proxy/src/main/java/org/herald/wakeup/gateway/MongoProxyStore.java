package org.herald.wakeup.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import com.mongodb.client.model.Filters;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;
import org.herald.wakeup.Cidr;
import org.herald.wakeup.Network;

/** {@link ProxyStore} in the {@code wakeup_proxies} collection, one document per proxy. */
public final class MongoProxyStore implements ProxyStore {
    private final DocumentCollection proxies;

    public MongoProxyStore(DocumentDatabase db) {
        this.proxies = db.collection("wakeup_proxies");
    }

    @Override
    public List<ProxyEndpoint> all() {
        return proxies.find(Filters.empty(), MongoProxyStore::decode);
    }

    @Override
    public Optional<ProxyEndpoint> find(String id) {
        return Optional.ofNullable(proxies.byId(id)).map(MongoProxyStore::decode);
    }

    @Override
    public void save(ProxyEndpoint p) {
        List<Document> networks = new ArrayList<>();
        for (Network n : p.networks()) {
            networks.add(new Document("mcc", n.mcc()).append("mnc", n.mnc()).append("id", n.id())
                    .append("ranges", n.ranges().stream().map(Cidr::toString).toList()));
        }
        proxies.replace(p.id(), new Document("_id", p.id()).append("url", p.url().toString()).append("secret", p.secret())
                .append("networks", networks));
    }

    @Override
    public boolean remove(String id) {
        return proxies.delete(id);
    }

    private static ProxyEndpoint decode(Document d) {
        List<Network> networks = new ArrayList<>();
        for (Document n : d.getList("networks", Document.class)) {
            networks.add(new Network(n.getString("mcc"), n.getString("mnc"), n.getString("id"),
                    n.getList("ranges", String.class).stream().map(Cidr::parse).toList()));
        }
        return new ProxyEndpoint(d.getString("_id"), URI.create(d.getString("url")), d.getString("secret"), networks);
    }
}
