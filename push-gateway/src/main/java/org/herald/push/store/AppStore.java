package org.herald.push.store;

import java.util.Optional;
import org.herald.push.model.App;

/** Notification Server applications by appToken, each with its devices in the same document. */
public interface AppStore {
    Optional<App> find(String appToken);

    /** Durable on return. */
    void save(App app);

    boolean delete(String appToken);
}
