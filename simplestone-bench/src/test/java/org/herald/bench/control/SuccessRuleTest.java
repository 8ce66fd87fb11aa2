package org.herald.bench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.herald.bench.spec.BenchSpec;
import org.herald.bench.spec.SpecLoader;
import org.junit.jupiter.api.Test;

class SuccessRuleTest {
    private final BenchSpec.Success rule;

    SuccessRuleTest() throws Exception {
        rule = SpecLoader.parse("", List.of()).success();
    }

    private static SuccessRule.Counts counts(long sent, long stale, long accepted, long expected, long ok, double offered, long late) {
        return new SuccessRule.Counts(sent, stale, accepted, expected, ok, 1000, offered, late);
    }

    @Test
    void exactlyAtTheThresholdsIsSustained() {
        SuccessRule.Verdict v = SuccessRule.judge(counts(1000, 0, 990, 1980, 1961, 970, 10), rule);
        assertTrue(v.sustained(), v.reasons().toString());
        assertFalse(v.generatorLimited());
    }

    @Test
    void eachConditionFailsOnItsOwn() {
        assertEquals(1, SuccessRule.judge(counts(1000, 0, 989, 1978, 1978, 1000, 0), rule).reasons().size());
        assertTrue(SuccessRule.judge(counts(1000, 0, 989, 1978, 1978, 1000, 0), rule).reasons().getFirst().startsWith("PUBLISH 2xx 98.90"));
        assertTrue(SuccessRule.judge(counts(1000, 0, 1000, 2000, 1979, 1000, 0), rule).reasons().getFirst().startsWith("NOTIFY within 2000 ms"));
        assertTrue(SuccessRule.judge(counts(1000, 0, 1000, 2000, 2000, 969, 0), rule).reasons().getFirst().startsWith("offered"));
        SuccessRule.Verdict lagging = SuccessRule.judge(counts(1000, 0, 1000, 2000, 2000, 1000, 11), rule);
        assertFalse(lagging.sustained());
        assertTrue(lagging.generatorLimited());
        assertFalse(SuccessRule.judge(counts(0, 0, 0, 0, 0, 0, 0), rule).sustained());
    }

    @Test
    void staleEtag412sAreSetApartFromFailures() {
        // 30 of 1000 PUBLISHes overlapped their predecessor and got 412, all others succeeded: sustained
        SuccessRule.Counts few = counts(1000, 30, 970, 1940, 1940, 1000, 0);
        assertEquals(1.0, SuccessRule.publishRatio(few));
        assertTrue(SuccessRule.judge(few, rule).sustained());
        // a third overlapped: no server failure, but the load was not carried; the reason says why
        SuccessRule.Verdict many = SuccessRule.judge(counts(1000, 300, 700, 1400, 1400, 1000, 0), rule);
        assertFalse(many.sustained());
        assertEquals(1, many.reasons().size());
        assertTrue(many.reasons().getFirst().startsWith("carried 70.0 % of the PUBLISHes < 97.0 %: 30.0 % overlapped"), many.reasons().getFirst());
    }
}
