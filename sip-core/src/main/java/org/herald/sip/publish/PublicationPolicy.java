package org.herald.sip.publish;

/** Limits on publication lifetimes (RFC 3903 §6 step 4), in seconds. */
public record PublicationPolicy(int minExpires, int maxExpires, int defaultExpires) {
    public static PublicationPolicy defaults() {
        return new PublicationPolicy(60, 7200, 3600);
    }
}
