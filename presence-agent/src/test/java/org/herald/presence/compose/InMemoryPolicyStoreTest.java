package org.herald.presence.compose;

class InMemoryPolicyStoreTest extends PolicyStoreContract {
    private final PolicyStore store = PolicyStore.inMemory();

    @Override
    protected PolicyStore store() {
        return store;
    }
}
