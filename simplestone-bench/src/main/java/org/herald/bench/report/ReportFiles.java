package org.herald.bench.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** A run as JSON (everything, kebab-case keys, readable back for comparisons) and as CSV (one line a step). */
public final class ReportFiles {
    public static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReportFiles() {}

    /** Writes run.json, steps.csv and report.html into {@code dir}; returns the HTML file. */
    public static Path write(RunReport run, Path dir) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("run.json").toFile(), run);
        Files.writeString(dir.resolve("steps.csv"), csv(run));
        Path html = dir.resolve("report.html");
        Files.writeString(html, HtmlReport.render(List.of(run)));
        return html;
    }

    public static RunReport read(Path json) throws IOException {
        return JSON.readValue(json.toFile(), RunReport.class);
    }

    private record Column(String name, Function<StepReport, Object> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("target_rate", StepReport::targetRate), new Column("offered_rate", StepReport::offeredRate),
            new Column("measured_s", StepReport::measuredSeconds), new Column("publish_sent", StepReport::publishSent),
            new Column("publish_2xx", StepReport::publishAccepted), new Column("publish_stale_etag_412", StepReport::publishStaleEtag),
            new Column("publish_rejected", StepReport::publishRejected), new Column("publish_no_answer", StepReport::publishTimedOut),
            new Column("publish_success", StepReport::publishSuccess), new Column("notify_expected", StepReport::notifyExpected),
            new Column("notify_in_time", StepReport::notifyInTime), new Column("notify_exact", StepReport::notifyExact),
            new Column("notify_late", StepReport::notifyLate), new Column("notify_missing", StepReport::notifyMissing),
            new Column("notify_success", StepReport::notifySuccess),
            new Column("publish_p50_ms", r -> r.publishLatencyMs().p50()), new Column("publish_p99_ms", r -> r.publishLatencyMs().p99()),
            new Column("notify_p50_ms", r -> r.notifyLatencyMs().p50()), new Column("notify_p90_ms", r -> r.notifyLatencyMs().p90()),
            new Column("notify_p99_ms", r -> r.notifyLatencyMs().p99()), new Column("notify_p999_ms", r -> r.notifyLatencyMs().p999()),
            new Column("notify_max_ms", r -> r.notifyLatencyMs().max()),
            new Column("publish_per_s", StepReport::publishPerSecond), new Column("notify_per_s", StepReport::notifyPerSecond),
            new Column("sut_cpu_pct", StepReport::sutCpuPercent), new Column("sut_rss_mb", StepReport::sutRssMb),
            new Column("bench_cpu_pct", StepReport::benchCpuPercent), new Column("bench_rss_mb", StepReport::benchRssMb),
            new Column("late_sends", StepReport::lateSends), new Column("retransmissions", StepReport::retransmissions),
            new Column("sustained", StepReport::sustained), new Column("reasons", r -> String.join("; ", r.reasons())));

    public static String csv(RunReport run) {
        StringBuilder b = new StringBuilder("label");
        for (Column c : COLUMNS) b.append(',').append(c.name());
        b.append('\n');
        for (StepReport s : run.steps()) {
            b.append(cell(run.label()));
            for (Column c : COLUMNS) b.append(',').append(cell(c.value().apply(s)));
            b.append('\n');
        }
        return b.toString();
    }

    private static String cell(Object v) {
        if (v == null) return "";
        String s = v instanceof Double d ? String.format(Locale.ROOT, "%s", d) : v.toString();
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
