package org.herald.presence.compose;

import java.time.Instant;
import java.time.InstantSource;

/** The fixed "now" of the composition tests: ten minutes after {@code Publications} starts numbering. */
final class Clocks {
    static final Instant NOW = Instant.parse("2025-01-01T00:10:00Z");
    static final Freshness FRESH = Freshness.at(InstantSource.fixed(NOW));

    private Clocks() {}
}
