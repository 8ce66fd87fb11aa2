package org.herald.bench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.herald.bench.spec.BenchSpec;
import org.junit.jupiter.api.Test;

class SearchTest {
    private static final List<Double> RATES = List.of(500.0, 1000.0, 2000.0, 4000.0);

    @Test
    void searchStopsAtTheFirstStepNotSustained() {
        assertTrue(Search.continueAfter(BenchSpec.Mode.SEARCH, RATES, List.of()));
        assertTrue(Search.continueAfter(BenchSpec.Mode.SEARCH, RATES, List.of(true, true)));
        assertFalse(Search.continueAfter(BenchSpec.Mode.SEARCH, RATES, List.of(true, true, false)));
        assertFalse(Search.continueAfter(BenchSpec.Mode.SEARCH, RATES, List.of(true, true, true, true)));
        assertEquals(1000.0, Search.highestSustained(BenchSpec.Mode.SEARCH, RATES, List.of(true, true, false)));
        assertNull(Search.highestSustained(BenchSpec.Mode.SEARCH, RATES, List.of(false)));
    }

    @Test
    void fixedRunsEveryRateAndHasNoAnswer() {
        assertTrue(Search.continueAfter(BenchSpec.Mode.FIXED, RATES, List.of(false, false)));
        assertFalse(Search.continueAfter(BenchSpec.Mode.FIXED, RATES, List.of(false, false, false, false)));
        assertNull(Search.highestSustained(BenchSpec.Mode.FIXED, RATES, List.of(true, true, true, true)));
    }
}
