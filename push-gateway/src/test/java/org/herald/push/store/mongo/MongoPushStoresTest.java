package org.herald.push.store.mongo;

import org.herald.push.store.AppStore;
import org.herald.push.store.CachedChannelStore;
import org.herald.push.store.ChannelStore;
import org.herald.push.store.DeviceStore;
import org.herald.push.store.MessageStore;
import org.herald.push.store.MongoFixture;
import org.herald.push.store.PushStoresContract;
import org.herald.store.mongo.DocumentDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The push store contract against MongoDB, written both ways Herald writes: directly and through the journal. */
class MongoPushStoresTest {
    private static final MongoFixture mongo = new MongoFixture();

    @AfterAll
    static void stop() {
        mongo.close();
    }

    abstract static class Backend extends PushStoresContract {
        final DocumentDatabase db;
        final DeviceStore devices;
        final AppStore apps;
        final ChannelStore channels;
        final MessageStore messages;

        Backend(DocumentDatabase db) {
            this(db, false);
        }

        Backend(DocumentDatabase db, boolean cached) {
            this.db = db;
            devices = new MongoDeviceStore(db);
            apps = new MongoAppStore(db);
            channels = cached ? new CachedChannelStore(new MongoChannelStore(db)) : new MongoChannelStore(db);
            messages = new MongoMessageStore(db);
        }

        @Override
        protected DeviceStore devices() {
            return devices;
        }

        @Override
        protected AppStore apps() {
            return apps;
        }

        @Override
        protected ChannelStore channels() {
            return channels;
        }

        @Override
        protected MessageStore messages() {
            return messages;
        }

        @AfterEach
        void close() {
            db.close();
        }
    }

    @Nested
    class Direct extends Backend {
        Direct() {
            super(mongo.direct());
        }
    }

    @Nested
    class Journaled extends Backend {
        Journaled() {
            super(mongo.journaled());
        }
    }

    /** What the gateway runs: the channel cache over the journaled store. */
    @Nested
    class JournaledWithChannelCache extends Backend {
        JournaledWithChannelCache() {
            super(mongo.journaled(), true);
        }
    }
}
