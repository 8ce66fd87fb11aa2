package org.herald.presence.pidf;

import java.time.Instant;
import java.util.Objects;

/**
 * RPID {@code <user-input>} (RFC 4480 §3.14): whether a person has used the service or device lately.
 * What the device-activity composition policy ranks publications by. Untimed: the schema gives it no
 * from/until.
 *
 * @param state         active or idle
 * @param idleThreshold seconds without input before the publisher reports idle, positive; or null
 * @param lastInput     when input was last seen, or null (publishers may withhold it)
 * @param id            the element's {@code id}, or null
 */
public record UserInput(State state, Integer idleThreshold, Instant lastInput, String id) {

    public enum State {
        ACTIVE, IDLE;
        private static final Tokens<State> TOKENS = Tokens.hyphenated(values());

        public String token() {
            return TOKENS.token(this);
        }

        public static State parse(String token) {
            return TOKENS.parse(token);
        }
    }

    public UserInput {
        Objects.requireNonNull(state, "state");
        if (idleThreshold != null && idleThreshold <= 0) {
            throw new IllegalArgumentException("idle-threshold must be a positive number of seconds");
        }
    }

    public static UserInput of(State state) {
        return new UserInput(state, null, null, null);
    }

    /** Without threshold and last input: RFC 5025's {@code provide-user-input} "bare". */
    public UserInput bare() {
        return new UserInput(state, null, null, id);
    }
}
