package org.herald.sip.event;

/** Why a subscription ended: the {@code reason} of a terminated Subscription-State (RFC 6665 §4.1.3). */
public enum TerminationReason {
    DEACTIVATED, PROBATION, REJECTED, TIMEOUT, GIVEUP, NORESOURCE, INVARIANT;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
