package org.herald.presence.winfo;

import java.util.Objects;

/**
 * One {@code <watcher>} element (RFC 3858 §3): one subscription to the resource.
 *
 * @param id                 stable for the life of the subscription, so partial documents can refer to it
 * @param uri                the watcher's URI, the element's content
 * @param displayName        or null
 * @param durationSubscribed seconds since the subscription began, or null
 * @param expiration         seconds until it expires, or null
 */
public record Watcher(String id, String uri, String displayName, WatcherStatus status, WatcherEvent event,
                      Long durationSubscribed, Long expiration) {

    public Watcher {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(event, "event");
    }
}
