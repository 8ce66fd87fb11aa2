package org.herald.presence.compose;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.sip.message.Aor;

/**
 * The composition-policy aggregate: which {@link CompositionPolicy} a presentity chose, if any.
 * Presentities without a choice get the server default. Implementations: {@link #inMemory()} and
 * {@code store.mongo.MongoPolicyStore}; {@code PolicyStoreContract} says what every one must do.
 */
public interface PolicyStore {

    Optional<CompositionPolicy> find(Aor presentity);

    /** Inserts or replaces durably. */
    void save(Aor presentity, CompositionPolicy policy);

    /** Forgets the choice durably, so the default applies again; whether there was one. */
    boolean remove(Aor presentity);

    /** Choices held in memory only, lost at restart: for tests and stand-alone use. */
    static PolicyStore inMemory() {
        Map<Aor, CompositionPolicy> policies = new ConcurrentHashMap<>();
        return new PolicyStore() {
            @Override
            public Optional<CompositionPolicy> find(Aor presentity) {
                return Optional.ofNullable(policies.get(presentity));
            }

            @Override
            public void save(Aor presentity, CompositionPolicy policy) {
                policies.put(presentity, policy);
            }

            @Override
            public boolean remove(Aor presentity) {
                return policies.remove(presentity) != null;
            }
        };
    }
}
