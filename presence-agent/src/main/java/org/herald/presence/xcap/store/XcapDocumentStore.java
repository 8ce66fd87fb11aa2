package org.herald.presence.xcap.store;

import java.util.List;
import java.util.Optional;

/**
 * The XCAP documents aggregate: one entry per (AUID, XUI, name), written whole, so every write is
 * atomic for the one document it touches. The XCAP service serializes writes of a document; the
 * store only keeps them.
 */
public interface XcapDocumentStore {

    Optional<XcapDocument> find(DocumentKey key);

    /** Inserts or replaces the document with this key; durable on return. */
    void save(XcapDocument document);

    /** Removes it; durable on return. Returns whether there was one. */
    boolean remove(DocumentKey key);

    /** Every document of one user, any application usage. */
    List<XcapDocument> ofUser(String xui);

    /** Every document of one application usage, any owner (for cross-user constraints). */
    List<XcapDocument> ofApplication(String auid);
}
