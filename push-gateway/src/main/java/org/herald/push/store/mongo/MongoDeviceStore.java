package org.herald.push.store.mongo;

import java.util.Optional;
import org.bson.Document;
import org.herald.push.model.Device;
import org.herald.push.model.Protocol;
import org.herald.push.store.DeviceStore;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;

/** Devices in the {@code push_devices} collection. */
public final class MongoDeviceStore implements DeviceStore {
    private final DocumentCollection devices;

    public MongoDeviceStore(DocumentDatabase db) {
        this.devices = db.collection("push_devices");
    }

    @Override
    public Optional<Device> find(String id) {
        return Optional.ofNullable(devices.byId(id)).map(MongoDeviceStore::decode);
    }

    @Override
    public void save(Device d) {
        devices.replace(d.id(), new Document("_id", d.id()).append("protocol", d.protocol().name())
                .append("createdAt", Bson.date(d.createdAt())).append("lastSeen", Bson.date(d.lastSeen()))
                .append("ip", d.ip()).append("port", d.port()).append("mcc", d.mcc()).append("mnc", d.mnc()));
    }

    @Override
    public boolean delete(String id) {
        return devices.delete(id);
    }

    private static Device decode(Document d) {
        return new Device(d.getString("_id"), Protocol.valueOf(d.getString("protocol")), Bson.instant(d, "createdAt"),
                Bson.instant(d, "lastSeen"), d.getString("ip"), Bson.integer(d, "port"), d.getString("mcc"), d.getString("mnc"));
    }
}
