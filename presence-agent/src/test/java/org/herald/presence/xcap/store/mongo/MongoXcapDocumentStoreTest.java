package org.herald.presence.xcap.store.mongo;

import org.herald.presence.xcap.store.XcapDocumentStore;
import org.herald.presence.xcap.store.XcapDocumentStoreContract;
import org.herald.sip.store.MongoFixture;
import org.herald.store.mongo.DocumentDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The contract against MongoDB on mongo-java-server, written both ways Herald writes: straight to
 * MongoDB (an external server) and through the journal (the embedded one).
 */
class MongoXcapDocumentStoreTest {
    private static final MongoFixture mongo = new MongoFixture();

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Nested
    class Direct extends XcapDocumentStoreContract {
        final DocumentDatabase db = mongo.direct();

        @Override
        protected XcapDocumentStore store() {
            return new MongoXcapDocumentStore(db);
        }
    }

    @Nested
    class Journaled extends XcapDocumentStoreContract {
        final DocumentDatabase db = mongo.journaled();

        @Override
        protected XcapDocumentStore store() {
            return new MongoXcapDocumentStore(db);
        }

        @AfterEach
        void close() {
            db.close();
        }
    }
}
