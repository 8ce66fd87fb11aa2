package org.herald.presence.xcap.store;

/** The test double keeps the contract too, so core tests on it mean what they say. */
class MemoryXcapDocumentStoreTest extends XcapDocumentStoreContract {
    private final MemoryXcapDocumentStore store = new MemoryXcapDocumentStore();

    @Override
    protected XcapDocumentStore store() {
        return store;
    }
}
