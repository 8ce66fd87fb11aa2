package org.herald.presence.winfo;

import java.util.List;

/**
 * A watcher-info document (RFC 3858 §3), {@code application/watcherinfo+xml}.
 *
 * @param version counts up by one per document sent to a subscriber (RFC 3858 §4)
 * @param full    state="full": the complete list; else state="partial": only the watchers that
 *                changed since the previous document
 */
public record WatcherInfo(long version, boolean full, List<WatcherList> lists) {
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:watcherinfo";
    public static final String CONTENT_TYPE = "application/watcherinfo+xml";

    public WatcherInfo {
        if (version < 0) throw new IllegalArgumentException("negative version " + version);
        lists = List.copyOf(lists);
    }
}
