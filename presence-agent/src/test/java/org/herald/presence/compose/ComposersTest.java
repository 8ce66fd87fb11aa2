package org.herald.presence.compose;

import static org.herald.presence.Publications.ALICE;
import static org.herald.presence.Publications.pidf;
import static org.herald.presence.Publications.published;
import static org.herald.presence.compose.Clocks.FRESH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.sip.event.PublishedState;
import org.herald.sip.message.Aor;
import org.herald.storage.StoreException;
import org.junit.jupiter.api.Test;

class ComposersTest {
    private static final Aor BOB = Aor.parse("sip:bob@example.com");
    private static final List<PublishedState> TWO_PERSONS = List.of(
            published(1, pidf("<dm:person id=\"p1\"/>")), published(2, pidf("<dm:person id=\"p2\"/>")));

    /** An in-memory store that counts reads and can be made to fail. */
    private static final class Counting implements PolicyStore {
        final PolicyStore inner = PolicyStore.inMemory();
        final AtomicInteger reads = new AtomicInteger();
        boolean failing;

        @Override
        public Optional<CompositionPolicy> find(Aor presentity) {
            reads.incrementAndGet();
            if (failing) throw new StoreException("down");
            return inner.find(presentity);
        }

        @Override
        public void save(Aor presentity, CompositionPolicy policy) {
            inner.save(presentity, policy);
        }

        @Override
        public boolean remove(Aor presentity) {
            return inner.remove(presentity);
        }
    }

    private final Counting store = new Counting();
    private final Composers composers = new Composers(store, CompositionPolicy.UNION, FRESH, PublicationSource.DOCUMENT);

    private int persons(Aor presentity) {
        PresenceDocument d = composers.forPresentity(presentity).compose(presentity, TWO_PERSONS);
        return d.persons().size();
    }

    @Test
    void eachPresentityComposesWithItsChoiceOrTheDefault() {
        store.save(ALICE, new CompositionPolicy.Overriding());
        assertEquals(1, persons(ALICE));
        assertEquals(2, persons(BOB));
    }

    @Test
    void theStoreIsReadOncePerPresentityUntilForgotten() {
        persons(ALICE);
        persons(ALICE);
        assertEquals(1, store.reads.get());
        composers.forget(ALICE);
        persons(ALICE);
        assertEquals(2, store.reads.get());
    }

    @Test
    void oneComposerServesEveryPresentityWithTheSamePolicy() {
        assertSame(composers.forPresentity(ALICE), composers.forPresentity(BOB));
        assertSame(composers.defaultComposer(), composers.forPresentity(ALICE));
    }

    @Test
    void aChoiceIsStoredAndAppliesAtOnceAndAResetRestoresTheDefault() {
        composers.choose(ALICE, new CompositionPolicy.Overriding());
        assertEquals(Optional.of(new CompositionPolicy.Overriding()), store.find(ALICE));
        assertEquals(1, persons(ALICE));
        composers.reset(ALICE);
        assertEquals(2, persons(ALICE));
    }

    @Test
    void aFailingStoreComposesWithTheDefaultAndIsAskedAgain() {
        store.save(ALICE, new CompositionPolicy.Overriding());
        store.failing = true;
        assertEquals(2, persons(ALICE));
        store.failing = false;
        assertEquals(1, persons(ALICE));
    }

    @Test
    void aFixedComposerServesEveryoneAndHasNoChoices() {
        Composer only = (presentity, live) -> PresenceDocument.empty("sip:x@y");
        Composers fixed = Composers.fixed(only);
        assertSame(only, fixed.forPresentity(ALICE));
        assertSame(only, fixed.defaultComposer());
        assertThrows(IllegalStateException.class, () -> fixed.choose(ALICE, CompositionPolicy.UNION));
    }
}
