package org.herald.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.herald.bench.spec.BenchSpec;

/** A whole run: where and how it was taken, its steps and (search mode) the highest sustained rate. */
public record RunReport(String tool, String label, String startedAt, Machine machine, BenchSpec spec, Setup setup,
                        List<StepReport> steps, Double highestSustainedRate, List<String> notes) {

    public record Machine(int cores, String os, String java, String cpu) {
        public static Machine current() {
            String cpu = "";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
            } catch (IOException | RuntimeException ignored) {
                // not Linux
            }
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("java.version"), cpu);
        }
    }

    /** Subscriptions wanted and established before the first step, and how long that took. */
    public record Setup(int watchers, int established, double seconds, int presentitiesPublished) {}
}
