package org.herald.presence.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.Test;

/** What every {@link PolicyStore} must do. */
public abstract class PolicyStoreContract {
    private static final Aor ALICE = Aor.parse("sip:alice@example.com");

    protected abstract PolicyStore store();

    @Test
    void keepsEveryPolicyWithItsParameters() {
        List<CompositionPolicy> all = List.of(CompositionPolicy.UNION, new CompositionPolicy.Overriding(),
                new CompositionPolicy.Merge(CompositionPolicy.Pivot.CONTACT),
                new CompositionPolicy.Merge(CompositionPolicy.Pivot.DEVICE_ID), new CompositionPolicy.ByTimestamp(),
                new CompositionPolicy.BySourcePriority(List.of("sip:alice@desk.example.com;transport=tcp", "urn:uuid:*")),
                new CompositionPolicy.BySourcePriority(List.of()), new CompositionPolicy.ByDeviceActivity());
        for (int i = 0; i < all.size(); i++) {
            Aor presentity = Aor.parse("sip:user" + i + "@example.com");
            store().save(presentity, all.get(i));
            assertEquals(Optional.of(all.get(i)), store().find(presentity));
        }
    }

    @Test
    void aNewChoiceReplacesTheOld() {
        store().save(ALICE, new CompositionPolicy.Overriding());
        store().save(ALICE, new CompositionPolicy.ByTimestamp());
        assertEquals(Optional.of(new CompositionPolicy.ByTimestamp()), store().find(ALICE));
    }

    @Test
    void findsByAorWhateverItsUriForm() {
        store().save(Aor.parse("sip:alice@EXAMPLE.com"), new CompositionPolicy.Overriding());
        assertEquals(Optional.of(new CompositionPolicy.Overriding()), store().find(Aor.parse("pres:alice@example.com")));
    }

    @Test
    void removesAndSaysWhetherThereWasAChoice() {
        assertEquals(Optional.empty(), store().find(Aor.parse("sip:nobody@example.com")));
        store().save(ALICE, new CompositionPolicy.Overriding());
        assertTrue(store().remove(ALICE));
        assertFalse(store().remove(ALICE));
        assertEquals(Optional.empty(), store().find(ALICE));
    }
}
