package org.herald.sip.proxy;

import java.util.List;
import java.util.Set;

/**
 * Chooses which final response of a fork goes back to the caller when no branch succeeded
 * (RFC 3261 §16.7 step 6): any 6xx wins; otherwise the lowest class, preferring within 4xx the
 * answers that help the caller retry (401, 407, 415, 420, 484); a lone 503 becomes 500.
 */
public final class BestResponse {
    private static final Set<Integer> HELPFUL = Set.of(401, 407, 415, 420, 484);

    private BestResponse() {}

    /** The index of the best of these final statuses; -1 for an empty list. */
    public static int choose(List<Integer> statuses) {
        int best = -1;
        for (int i = 0; i < statuses.size(); i++) {
            if (best < 0 || better(statuses.get(i), statuses.get(best))) best = i;
        }
        return best;
    }

    /** The status to send for a chosen one: 503 from a downstream element must not make the caller back off us. */
    public static int relayed(int status) {
        return status == 503 ? 500 : status;
    }

    private static boolean better(int candidate, int current) {
        int a = candidate / 100;
        int b = current / 100;
        if (a == 6 || b == 6) return a == 6 && b != 6;
        if (a != b) return a < b;
        if (a == 4) return HELPFUL.contains(candidate) && !HELPFUL.contains(current);
        return false;
    }
}
