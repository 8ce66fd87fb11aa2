package org.herald.sip.registrar;

/**
 * Registrar limits.
 *
 * @param minExpires          shorter non-zero registrations get 423 with Min-Expires
 * @param maxExpires          longer ones are shortened to this
 * @param defaultExpires      when neither the contact nor the request says
 * @param maxContacts         bindings per AOR; more are refused with 403
 * @param dropOnFlowClose     remove bindings whose TCP/TLS/WS connection closed
 */
public record RegistrarPolicy(int minExpires, int maxExpires, int defaultExpires, int maxContacts,
                              boolean dropOnFlowClose) {

    public static RegistrarPolicy defaults() {
        return new RegistrarPolicy(60, 3600, 3600, 10, true);
    }
}
