package org.herald.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.herald.bench.spec.BenchSpec;
import org.herald.bench.spec.SpecLoader;

/** Made-up runs for the report tests: a server that saturates at {@code knee} PUBLISH/s. */
public final class Fixtures {
    private Fixtures() {}

    public static RunReport run(String label, double knee) throws Exception {
        BenchSpec spec = SpecLoader.parse("target: {label: " + label + "}\nload: {mode: search, rates: [500, 1000, 2000, 3000]}", List.of());
        List<StepReport> steps = new ArrayList<>();
        Double highest = null;
        int i = 0;
        for (double rate : spec.load().rates()) {
            boolean ok = rate <= knee;
            double success = ok ? 1.0 : 0.9;
            long sent = (long) (rate * 30);
            Percentiles lat = new Percentiles(sent * 2, 2.0 * rate / 500, rate / 500, 3.0 * rate / 500, 10.0 * rate / 500, 20.0 * rate / 500, 50.0 * rate / 500);
            steps.add(new StepReport(i++, rate, rate, 30, sent, (long) (sent * success), 0, sent - (long) (sent * success), 0,
                    Map.of("200", (long) (sent * success)), success, sent * 2, (long) (sent * 2 * success), (long) (sent * 2 * success), 0, 0,
                    success, lat, lat, lat, rate * success, 2 * rate * success, rate / 30, 300.0 + rate / 10, rate / 200, 150.0, 0, 0.5, 0,
                    ok, false, ok ? List.of() : List.of("PUBLISH 2xx 90.00 % < 99.00 %")));
            if (ok) highest = rate;
            else break;
        }
        return new RunReport("herald-simplestone", label, "2026-11-22T06:00:00Z", RunReport.Machine.current(), spec,
                new RunReport.Setup(200, 200, 1.5, 100), steps, highest, List.of());
    }
}
