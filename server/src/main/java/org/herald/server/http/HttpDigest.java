package org.herald.server.http;

import java.util.List;
import java.util.Optional;
import org.herald.sip.auth.AuthMode;
import org.herald.sip.auth.Authenticator;
import org.herald.sip.auth.DigestCredentials;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Headers;
import org.herald.sip.message.NameAddr;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.SipResponse;

/**
 * HTTP digest authentication (RFC 7616, qop=auth) against the same users, HA1 values, nonces and
 * algorithms as SIP: the request is handed to SIP's {@link Authenticator} as what it is to digest,
 * a method, a URI and Authorization headers. The realm is the domain of the user the request is
 * about; the username may be the user part or the whole AOR, exactly as for SIP. Credentials whose
 * {@code uri} is not this request's target are ignored (RFC 7616 §3.4.6), so a response computed
 * for one resource cannot be used on another. In {@code auth.mode=open} everyone is who the request
 * claims to be.
 */
final class HttpDigest {

    sealed interface Outcome {
        record Identified(Aor user) implements Outcome {}

        /** Answer 401 with these WWW-Authenticate values. */
        record Challenge(List<String> challenges) implements Outcome {}
    }

    private final Authenticator authenticator;

    HttpDigest(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /**
     * @param claimed whom the request is about (the XUI's user, or a placeholder in the default
     *                domain): its domain is the realm, and in open mode it is the answer
     */
    Outcome authenticate(HttpRequest request, Aor claimed) {
        Headers.Builder headers = Headers.builder();
        if (authenticator.mode() == AuthMode.DIGEST) {
            for (String value : request.headers("Authorization")) {
                Optional<DigestCredentials> c = DigestCredentials.parse(value);
                if (c.isPresent() && c.get().get("uri").equals(request.target())) headers.add("Authorization", value);
            }
        }
        NameAddr who = NameAddr.of(claimed.uri());
        SipRequest asSip = new SipRequest(request.method(), request.target(), who, who, "", 0, List.of(), false,
                headers.build(), null, null, "");
        return switch (authenticator.authenticate(asSip, claimed.host())) {
            case Authenticator.Result.Identified id -> new Outcome.Identified(id.user());
            case Authenticator.Result.Challenged ch -> new Outcome.Challenge(challenges(ch.response()));
        };
    }

    private static List<String> challenges(SipResponse response) {
        return response.headers().all("WWW-Authenticate");
    }
}
