package org.herald.sip.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.herald.sip.auth.DigestAlgorithm;
import org.herald.sip.auth.User;
import org.herald.sip.auth.UserStore;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.Test;

/** What every {@link UserStore} must do. */
public abstract class UserStoreContract {

    protected abstract UserStore store();

    @Test
    void savesFindsListsAndRemoves() {
        Aor aor = Aor.parse("alice@example.com");
        User user = User.withPassword(aor, "secret");
        store().save(user);
        assertEquals(user, store().find(aor).orElseThrow());
        assertEquals(DigestAlgorithm.MD5.hash("alice:example.com:secret"),
                store().find(aor).orElseThrow().ha1(DigestAlgorithm.MD5, "alice"));
        assertEquals(1, store().list().size());
        assertTrue(store().remove(aor));
        assertFalse(store().remove(aor));
        assertTrue(store().find(aor).isEmpty());
    }
}
