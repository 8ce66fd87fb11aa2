package org.herald.sip.store.mongo;

import org.herald.sip.auth.UserStore;
import org.herald.sip.event.SubscriptionStore;
import org.herald.sip.publish.PublicationStore;
import org.herald.sip.registrar.BindingStore;
import org.herald.sip.store.BindingStoreContract;
import org.herald.sip.store.MongoFixture;
import org.herald.sip.store.PublicationStoreContract;
import org.herald.sip.store.SubscriptionStoreContract;
import org.herald.sip.store.UserStoreContract;
import org.herald.store.mongo.DocumentDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The store contracts against the MongoDB implementations on mongo-java-server, written both ways
 * Herald writes: straight to MongoDB (an external server) and through the journal (the embedded one).
 */
class MongoStoresTest {
    private static final MongoFixture mongo = new MongoFixture();

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Nested
    class Direct {
        @Nested
        class Bindings extends BindingStoreContract {
            final DocumentDatabase db = mongo.direct();

            @Override
            protected BindingStore store() {
                return new MongoBindingStore(db);
            }
        }

        @Nested
        class Publications extends PublicationStoreContract {
            final DocumentDatabase db = mongo.direct();

            @Override
            protected PublicationStore store() {
                return new MongoPublicationStore(db);
            }
        }

        @Nested
        class Subscriptions extends SubscriptionStoreContract {
            final DocumentDatabase db = mongo.direct();

            @Override
            protected SubscriptionStore store() {
                return new MongoSubscriptionStore(db);
            }
        }

        @Nested
        class Users extends UserStoreContract {
            final DocumentDatabase db = mongo.direct();

            @Override
            protected UserStore store() {
                return new MongoUserStore(db);
            }
        }
    }

    @Nested
    class Journaled {
        @Nested
        class Bindings extends BindingStoreContract {
            final DocumentDatabase db = mongo.journaled();

            @Override
            protected BindingStore store() {
                return new MongoBindingStore(db);
            }

            @AfterEach
            void close() {
                db.close();
            }
        }

        @Nested
        class Publications extends PublicationStoreContract {
            final DocumentDatabase db = mongo.journaled();

            @Override
            protected PublicationStore store() {
                return new MongoPublicationStore(db);
            }

            @AfterEach
            void close() {
                db.close();
            }
        }

        @Nested
        class Subscriptions extends SubscriptionStoreContract {
            final DocumentDatabase db = mongo.journaled();

            @Override
            protected SubscriptionStore store() {
                return new MongoSubscriptionStore(db);
            }

            @AfterEach
            void close() {
                db.close();
            }
        }

        @Nested
        class Users extends UserStoreContract {
            final DocumentDatabase db = mongo.journaled();

            @Override
            protected UserStore store() {
                return new MongoUserStore(db);
            }

            @AfterEach
            void close() {
                db.close();
            }
        }
    }
}
