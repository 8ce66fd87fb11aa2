package org.herald.presence.winfo;

import java.util.List;
import java.util.Objects;

/**
 * A {@code <watcher-list>} (RFC 3858 §3): the watchers of one resource within one event package.
 *
 * @param resource    the watched resource's URI
 * @param packageName the watched event package, e.g. {@code presence}
 */
public record WatcherList(String resource, String packageName, List<Watcher> watchers) {

    public WatcherList {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(packageName, "packageName");
        watchers = List.copyOf(watchers);
    }
}
