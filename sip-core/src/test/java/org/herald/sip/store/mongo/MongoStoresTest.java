package org.herald.sip.store.mongo;

import com.mongodb.client.MongoDatabase;
import org.herald.sip.auth.UserStore;
import org.herald.sip.event.SubscriptionStore;
import org.herald.sip.publish.PublicationStore;
import org.herald.sip.registrar.BindingStore;
import org.herald.sip.store.BindingStoreContract;
import org.herald.sip.store.MongoFixture;
import org.herald.sip.store.PublicationStoreContract;
import org.herald.sip.store.SubscriptionStoreContract;
import org.herald.sip.store.UserStoreContract;
import org.herald.storage.Durability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The store contracts against the MongoDB implementations, on mongo-java-server's memory backend. */
class MongoStoresTest {
    private static final MongoFixture mongo = new MongoFixture();
    private MongoDatabase db;

    @BeforeEach
    void freshDatabase() {
        db = mongo.freshDatabase();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Nested
    class Bindings extends BindingStoreContract {
        @Override
        protected BindingStore store() {
            return new MongoBindingStore(db, Durability.alreadyDurable());
        }
    }

    @Nested
    class Publications extends PublicationStoreContract {
        @Override
        protected PublicationStore store() {
            return new MongoPublicationStore(db, Durability.alreadyDurable());
        }
    }

    @Nested
    class Subscriptions extends SubscriptionStoreContract {
        @Override
        protected SubscriptionStore store() {
            return new MongoSubscriptionStore(db, Durability.alreadyDurable());
        }
    }

    @Nested
    class Users extends UserStoreContract {
        @Override
        protected UserStore store() {
            return new MongoUserStore(db, Durability.alreadyDurable());
        }
    }
}
