package org.herald.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void cpuTicksSkipACommandNameWithSpacesAndParentheses() {
        String line = "1234 (java (main) x) S 1 1234 1234 0 -1 4194560 52 0 0 0 250 75 0 0 20 0 30 0 100 0 0";
        assertEquals(325, ProcStat.cpuTicks(line));
    }

    @Test
    void rssFromStatus() {
        assertEquals(123456, ProcStat.rssKb("Name:\tjava\nVmPeak:\t 999 kB\nVmRSS:\t  123456 kB\nThreads: 4\n"));
        assertEquals(0, ProcStat.rssKb("Name:\tzombie\n"));
        assertEquals(new ProcStat.Rss(100, 20, 3), ProcStat.rss("VmRSS:\t 123 kB\nRssAnon:\t 100 kB\nRssFile:\t  20 kB\nRssShmem:\t 3 kB\n"));
    }

    @Test
    void usageWindow() {
        var samples = List.of(new ResourceSampler.Sample(0, 1000, 2048, 10, 1024),
                new ResourceSampler.Sample(1_000_000_000L, 1100, 4096, 30, 1024),
                new ResourceSampler.Sample(2_000_000_000L, 1150, 3072, 50, 1024));
        ResourceSampler.Usage u = ResourceSampler.usage(samples);
        assertEquals(75.0, u.sutCpu(), 1e-9); // 150 ticks in 2 s = 0.75 core
        assertEquals(4.0, u.sutRssMb(), 1e-9);
        assertEquals(20.0, u.benchCpu(), 1e-9);
        assertTrue(Double.isNaN(ResourceSampler.usage(samples.subList(0, 1)).sutCpu()));
    }

    @Test
    void readsThisProcess() throws Exception {
        Path self = Path.of("/proc/self/stat");
        if (!Files.exists(self)) return; // not Linux
        assertTrue(ProcStat.cpuTicks(Files.readString(self)) >= 0);
        assertTrue(ProcStat.rssKb(Files.readString(Path.of("/proc/self/status"))) > 0);
    }
}
