package org.herald.presence.privacy;

import java.util.Objects;
import org.herald.sip.message.Aor;

/**
 * Who is asking, as the rules see it (RFC 5025 §3.1.1). Only an identity the server authenticated —
 * digest credentials, or an asserted identity from a trusted peer — may match an {@code <identity>}
 * condition; everyone else is {@link Anonymous}, whatever their From header claims, and is matched
 * only by rules without an identity condition (RFC 4745 §7.1.1) or by OMA's
 * {@code <anonymous-request/>}.
 */
public sealed interface Watcher {

    /** An identity the server has authenticated. */
    static Watcher of(Aor aor) {
        return new Authenticated(aor.uri());
    }

    /** An unauthenticated request. */
    static Watcher anonymous() {
        return Anonymous.INSTANCE;
    }

    /**
     * An authenticated watcher.
     *
     * @param uri its identity: the AOR a digest user authenticated as ({@code sip:user@domain}), or an
     *            asserted {@code sip:} or {@code tel:} URI
     */
    record Authenticated(String uri) implements Watcher {
        public Authenticated {
            Objects.requireNonNull(uri, "uri");
        }
    }

    /** A request without an authenticated identity. */
    enum Anonymous implements Watcher { INSTANCE }
}
