package org.herald.sip.auth;

import java.util.Optional;
import org.herald.sip.message.Aor;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.SipResponse;

/** Decides who sent a request: by digest credentials, or by its From header in open mode. */
public final class Authenticator {

    public sealed interface Result {
        /** The request comes from this user. */
        record Identified(Aor user) implements Result {}

        /** Answer with this (401 with challenges). */
        record Challenged(SipResponse response) implements Result {}
    }

    private final AuthMode mode;
    private final DigestAuthenticator digest;
    private final UserStore users;

    public Authenticator(AuthMode mode, DigestAuthenticator digest, UserStore users) {
        this.mode = mode;
        this.digest = digest;
        this.users = users;
    }

    public AuthMode mode() {
        return mode;
    }

    /** Authenticates against the realm, which is the domain the request is for. */
    public Result authenticate(SipRequest request, String realm) {
        if (mode == AuthMode.OPEN) return new Result.Identified(request.fromAor());
        return switch (digest.check(request, realm, users::find)) {
            case DigestAuthenticator.Verdict.Authenticated a -> new Result.Identified(a.user());
            case DigestAuthenticator.Verdict.Challenge c -> {
                SipResponse r = SipResponse.of(401);
                for (String value : c.challenges()) r = r.withHeader("WWW-Authenticate", value);
                yield new Result.Challenged(r);
            }
        };
    }

    /** Whether the AOR is a user Herald knows: in open mode every AOR of a served domain is. */
    public boolean knows(Aor aor) {
        return mode == AuthMode.OPEN || users.find(aor).isPresent();
    }

    public Optional<User> user(Aor aor) {
        return users.find(aor);
    }
}
