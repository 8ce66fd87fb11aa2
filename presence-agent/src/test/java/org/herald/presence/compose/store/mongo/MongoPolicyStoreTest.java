package org.herald.presence.compose.store.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.bson.Document;
import org.herald.presence.compose.PolicyStore;
import org.herald.presence.compose.PolicyStoreContract;
import org.herald.sip.message.Aor;
import org.herald.sip.store.MongoFixture;
import org.herald.store.mongo.DocumentDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The policy store contract against MongoDB on mongo-java-server, written both ways Herald writes:
 * straight to MongoDB (an external server) and through the journal (the embedded one).
 */
class MongoPolicyStoreTest {
    private static final MongoFixture mongo = new MongoFixture();

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Nested
    class Direct extends PolicyStoreContract {
        final DocumentDatabase db = mongo.direct();
        final PolicyStore store = new MongoPolicyStore(db);

        @Override
        protected PolicyStore store() {
            return store;
        }

        @Test
        void aPolicyThisVersionDoesNotKnowReadsAsNoChoice() {
            db.collection("composition-policies").replace("alice@example.com",
                    new Document("_id", "alice@example.com").append("policy", "by-moon-phase"));
            db.collection("composition-policies").replace("bob@example.com",
                    new Document("_id", "bob@example.com").append("policy", "merge").append("pivot", "colour"));
            assertEquals(Optional.empty(), store.find(Aor.parse("alice@example.com")));
            assertEquals(Optional.empty(), store.find(Aor.parse("bob@example.com")));
        }
    }

    @Nested
    class Journaled extends PolicyStoreContract {
        final DocumentDatabase db = mongo.journaled();
        final PolicyStore store = new MongoPolicyStore(db);

        @Override
        protected PolicyStore store() {
            return store;
        }

        @AfterEach
        void close() {
            db.close();
        }
    }
}
