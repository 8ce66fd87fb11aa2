package org.herald.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rate accuracy on a simulated clock: no wall-clock assertion, so never flaky. */
class PublishLoopTest {

    /** A clock that only moves when the loop sleeps, or when a slow send is simulated. */
    static final class FakeTicker implements Ticker {
        long now;

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleepUntil(long deadline) {
            now = Math.max(now, deadline);
        }
    }

    private record Sent(int presentity, long due, long sent, boolean measured) {}

    @Test
    void sendsExactlyTheRateOnEvenlySpacedSlots() throws Exception {
        FakeTicker t = new FakeTicker();
        List<Sent> sent = new ArrayList<>();
        Schedule s = new Schedule(1500, 100, 0, 2_000_000_000L, 12_000_000_000L, 0);
        long n = PublishLoop.run(s, t, (p, due, at, m) -> sent.add(new Sent(p, due, at, m)));
        assertEquals(18_000, n);
        assertEquals(s.total(), n);
        assertEquals(15_000, sent.stream().filter(Sent::measured).count()); // 10 s measured after 2 s warm-up
        for (int sec = 0; sec < 12; sec++) {
            long from = sec * 1_000_000_000L, to = from + 1_000_000_000L;
            assertEquals(1500, sent.stream().filter(x -> x.sent() >= from && x.sent() < to).count(), "second " + sec);
        }
        // every presentity publishes once per N / rate seconds
        assertEquals(180, sent.stream().filter(x -> x.presentity() == 42).count());
    }

    @Test
    void fractionalRatesAndOffsetsStayExact() throws Exception {
        FakeTicker t = new FakeTicker();
        Schedule s = new Schedule(333.3, 7, 5_000, 0, 5_000 + 3_000_000_000L, 3);
        List<Integer> presentities = new ArrayList<>();
        long n = PublishLoop.run(s, t, (p, due, at, m) -> presentities.add(p));
        assertEquals(1000, n); // ceil(3 s × 333.3)
        assertEquals(3, presentities.getFirst());
        assertEquals(4, presentities.get(1));
        assertEquals(0, presentities.get(4));
    }

    @Test
    void openLoopCatchesUpAfterAStallInsteadOfDroppingLoad() throws Exception {
        FakeTicker t = new FakeTicker();
        List<Sent> sent = new ArrayList<>();
        Schedule s = new Schedule(1000, 10, 0, 0, 1_000_000_000L, 0);
        PublishLoop.run(s, t, (p, due, at, m) -> {
            sent.add(new Sent(p, due, at, m));
            if (sent.size() == 100) t.now += 200_000_000L; // the generator stalls for 200 ms once
        });
        assertEquals(1000, sent.size()); // nothing skipped: the 200 slots due during the stall go out at once
        long late = sent.stream().filter(x -> x.sent() - x.due() > 10_000_000L).count();
        assertTrue(late > 150 && late < 200, "late " + late);
        // the due times (what latency is measured from) stay on the schedule
        assertEquals(500_000_000L, sent.get(500).due());
    }
}
