package org.herald.presence.compose.store.mongo;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.herald.presence.compose.CompositionPolicy;
import org.herald.presence.compose.PolicyStore;
import org.herald.sip.message.Aor;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition policies in MongoDB, one document per presentity that chose one:
 * {@code {_id: "alice@example.com", policy: "merge", pivot: "contact"}}, with {@code sources} (the
 * ranking) for source priority. A stored policy this version does not know (written by a newer one)
 * reads as no choice, so the default applies rather than the presentity failing.
 */
public final class MongoPolicyStore implements PolicyStore {
    private static final Logger log = LoggerFactory.getLogger(MongoPolicyStore.class);

    private final DocumentCollection policies;

    public MongoPolicyStore(DocumentDatabase db) {
        this.policies = db.collection("composition-policies");
    }

    @Override
    public Optional<CompositionPolicy> find(Aor presentity) {
        Document d = policies.byId(presentity.toString());
        return d == null ? Optional.empty() : decode(presentity, d);
    }

    @Override
    public void save(Aor presentity, CompositionPolicy policy) {
        Document d = new Document("_id", presentity.toString()).append("policy", policy.token());
        switch (policy) {
            case CompositionPolicy.Merge m -> d.append("pivot", m.pivot().token());
            case CompositionPolicy.BySourcePriority s -> d.append("sources", s.ranking());
            default -> { }
        }
        policies.replace(presentity.toString(), d);
    }

    @Override
    public boolean remove(Aor presentity) {
        return policies.delete(presentity.toString());
    }

    private static Optional<CompositionPolicy> decode(Aor presentity, Document d) {
        String token = String.valueOf(d.getString("policy"));
        try {
            return Optional.of(switch (token) {
                case "merge" -> new CompositionPolicy.Merge(CompositionPolicy.Pivot.parse(d.getString("pivot")));
                case "source-priority" -> {
                    List<String> sources = d.getList("sources", String.class);
                    yield new CompositionPolicy.BySourcePriority(sources == null ? List.of() : sources);
                }
                default -> CompositionPolicy.parse(token);
            });
        } catch (RuntimeException e) {
            log.warn("ignoring the stored composition policy of {}: {}", presentity, e.getMessage());
            return Optional.empty();
        }
    }
}
