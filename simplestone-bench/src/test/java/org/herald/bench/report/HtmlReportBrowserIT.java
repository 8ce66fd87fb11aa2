package org.herald.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.herald.bench.Chromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports in a real headless Chromium with no network: they render and their charts hold drawn data. */
class HtmlReportBrowserIT {

    @BeforeAll
    static void chromiumInstalled() {
        boolean found = Files.isExecutable(Path.of("/usr/bin/chromium"));
        Assumptions.assumeTrue(found, "chromium not installed");
    }

    /** Per chart: number of series with at least two points and a drawn (non-empty) bounding box. */
    private static final String DRAWN_SERIES = """
            Array.from(document.querySelectorAll('svg.chart')).map(svg => svg.id + ':' +
              Array.from(svg.querySelectorAll('polyline.series')).filter(p => p.points.numberOfItems >= 2
                && p.getBBox().width > 100).length).join(',')""";

    @Test
    void runAndComparisonRenderWithData(@TempDir Path dir) throws Exception {
        Path single = Files.writeString(dir.resolve("report.html"), HtmlReport.render(List.of(Fixtures.run("herald", 2000))));
        Path both = Files.writeString(dir.resolve("compare.html"),
                HtmlReport.render(List.of(Fixtures.run("herald", 2000), Fixtures.run("kamailio", 3000))));
        try (Chromium browser = Chromium.start()) {
            browser.navigate(single.toUri().toString());
            String drawn = browser.await(DRAWN_SERIES, v -> v.contains("memory"), Duration.ofSeconds(10));
            assertEquals("throughput:3,success:3,latency:4,cpu:2,memory:2", drawn);
            assertEquals("4", browser.evaluate("String(document.querySelectorAll('table.steps tr').length - 1)"));
            assertEquals("true", browser.evaluate("String(document.getElementById('latency').getBoundingClientRect().height > 200)"));

            browser.navigate(both.toUri().toString());
            drawn = browser.await(DRAWN_SERIES, v -> v.contains("memory"), Duration.ofSeconds(10));
            assertEquals("throughput:6,success:6,latency:8,cpu:4,memory:4", drawn);
            assertEquals("SIMPLEStone comparison: herald vs kamailio", browser.evaluate("document.title"));
        }
    }
}
