package org.herald.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @Test
    void jsonRoundTripsAndCsvHasALineAStep(@TempDir Path dir) throws Exception {
        RunReport run = Fixtures.run("herald", 2000);
        Path html = ReportFiles.write(run, dir);
        assertEquals(run, ReportFiles.read(dir.resolve("run.json")));
        List<String> csv = Files.readAllLines(dir.resolve("steps.csv"));
        assertEquals(1 + run.steps().size(), csv.size());
        assertTrue(csv.getFirst().startsWith("label,target_rate,offered_rate"));
        assertEquals(csv.getFirst().split(",", -1).length, csv.get(1).split(",", -1).length);
        assertTrue(csv.getLast().endsWith("false,PUBLISH 2xx 90.00 % < 99.00 %"), csv.getLast());
        assertTrue(Files.readString(html).contains("Highest sustained rate: 2000 PUBLISH/s"));
    }

    @Test
    void htmlIsSelfContainedWithFiveChartsOfData() throws Exception {
        String html = HtmlReport.render(List.of(Fixtures.run("herald", 2000)));
        assertFalse(html.contains("<script"), "no script needed");
        assertFalse(Pattern.compile("(src|href)=|url\\(|@import").matcher(html).find(), "nothing fetched");
        Matcher charts = Pattern.compile("<svg class=\"chart\" id=\"(\\w+)\" data-points=\"(\\d+)\"").matcher(html);
        int n = 0;
        while (charts.find()) {
            n++;
            assertTrue(Integer.parseInt(charts.group(2)) >= 4, charts.group(1));
        }
        assertEquals(5, n);
    }

    @Test
    void comparisonDrawsBothRunsOnTheSameAxes() throws Exception {
        String html = HtmlReport.render(List.of(Fixtures.run("herald", 2000), Fixtures.run("kamailio", 3000)));
        assertTrue(html.contains("SIMPLEStone comparison: herald vs kamailio"));
        assertTrue(html.contains("data-name=\"herald: NOTIFY/s\""));
        assertTrue(html.contains("data-name=\"kamailio: NOTIFY/s\""));
        assertTrue(html.contains("stroke-dasharray=\"6 4\"")); // the second run is dashed
        assertTrue(html.contains("Steps: kamailio"));
    }

    @Test
    void niceAxisLimits() {
        assertEquals(1, Chart.niceCeil(0));
        assertEquals(5000, Chart.niceCeil(3000));
        assertEquals(250, Chart.niceCeil(201));
        assertEquals(0.5, Chart.niceCeil(0.42), 1e-12);
        assertEquals("&lt;a&gt; &amp; &quot;", Chart.esc("<a> & \""));
    }
}
