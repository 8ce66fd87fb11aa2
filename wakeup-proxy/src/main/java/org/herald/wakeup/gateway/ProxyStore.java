package org.herald.wakeup.gateway;

import java.util.List;
import java.util.Optional;

/** The wake-up proxies aggregate, managed through the admin API rather than only a file. */
public interface ProxyStore {

    List<ProxyEndpoint> all();

    Optional<ProxyEndpoint> find(String id);

    /** Inserts or replaces; durable on return. */
    void save(ProxyEndpoint proxy);

    boolean remove(String id);
}
