package org.herald.sip.auth;

import java.util.Map;
import org.herald.sip.message.Aor;

/**
 * A SIP user. Only digest HA1 values are kept, never the password: for each algorithm, the hash of
 * {@code user:realm:password} and of {@code user@domain:realm:password} (clients differ in which
 * username they send), with the AOR's domain as realm.
 */
public record User(Aor aor, Map<String, String> ha1ByKey) {

    public User {
        ha1ByKey = Map.copyOf(ha1ByKey);
    }

    public static User withPassword(Aor aor, String password) {
        var hashes = new java.util.HashMap<String, String>();
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            for (String username : new String[] {aor.user(), aor.toString()}) {
                hashes.put(key(algorithm, username), algorithm.hash(username + ":" + aor.host() + ":" + password));
            }
        }
        return new User(aor, hashes);
    }

    /** The stored HA1 for this algorithm and username, or null. */
    public String ha1(DigestAlgorithm algorithm, String username) {
        return ha1ByKey.get(key(algorithm, username));
    }

    private static String key(DigestAlgorithm algorithm, String username) {
        return algorithm.name() + "|" + username;
    }
}
