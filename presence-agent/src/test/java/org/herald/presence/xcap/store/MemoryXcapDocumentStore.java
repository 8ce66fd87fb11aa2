package org.herald.presence.xcap.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link XcapDocumentStore} in a map, for the core's unit tests (and held to the same contract). */
public final class MemoryXcapDocumentStore implements XcapDocumentStore {
    private final Map<DocumentKey, XcapDocument> documents = new ConcurrentHashMap<>();

    @Override
    public Optional<XcapDocument> find(DocumentKey key) {
        return Optional.ofNullable(documents.get(key));
    }

    @Override
    public void save(XcapDocument document) {
        documents.put(document.key(), document);
    }

    @Override
    public boolean remove(DocumentKey key) {
        return documents.remove(key) != null;
    }

    @Override
    public List<XcapDocument> ofUser(String xui) {
        return documents.values().stream().filter(d -> d.key().xui().equals(xui)).toList();
    }

    @Override
    public List<XcapDocument> ofApplication(String auid) {
        return documents.values().stream().filter(d -> d.key().auid().equals(auid)).toList();
    }
}
