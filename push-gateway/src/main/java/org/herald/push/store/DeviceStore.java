package org.herald.push.store;

import java.util.Optional;
import org.herald.push.model.Device;

/** The devices aggregate: one document per device, written whole. */
public interface DeviceStore {
    Optional<Device> find(String id);

    /** Durable on return. */
    void save(Device device);

    boolean delete(String id);
}
