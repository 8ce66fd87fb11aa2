package org.herald.sip.auth;

import java.util.List;
import java.util.Optional;
import org.herald.sip.message.Aor;

/** The users aggregate: who may register, publish and subscribe when digest auth is on. */
public interface UserStore {

    Optional<User> find(Aor aor);

    void save(User user);

    /** Returns whether the user existed. */
    boolean remove(Aor aor);

    List<User> list();
}
