package org.herald.bench.control;

import java.util.List;
import org.herald.bench.spec.BenchSpec;

/**
 * Which step comes next: FIXED runs every rate; SEARCH stops after the first step that is not
 * sustained. The answer of a search is the highest rate among its sustained steps.
 */
public final class Search {
    private Search() {}

    /** Whether to run another step after the results so far (one verdict per finished step). */
    public static boolean continueAfter(BenchSpec.Mode mode, List<Double> rates, List<Boolean> sustained) {
        if (sustained.size() >= rates.size()) return false;
        return mode == BenchSpec.Mode.FIXED || sustained.isEmpty() || sustained.getLast();
    }

    /** The highest sustained rate, null when none was (or the run was not a search). */
    public static Double highestSustained(BenchSpec.Mode mode, List<Double> rates, List<Boolean> sustained) {
        if (mode != BenchSpec.Mode.SEARCH) return null;
        Double best = null;
        for (int i = 0; i < sustained.size(); i++) if (sustained.get(i)) best = best == null ? rates.get(i) : Math.max(best, rates.get(i));
        return best;
    }
}
