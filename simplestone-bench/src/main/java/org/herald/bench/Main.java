package org.herald.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.herald.bench.control.Controller;
import org.herald.bench.report.HtmlReport;
import org.herald.bench.report.ReportFiles;
import org.herald.bench.report.RunReport;
import org.herald.bench.spec.BenchSpec;
import org.herald.bench.spec.SpecLoader;

/** The command line: {@code run SPEC.yaml [--set key=value]...}, {@code compare RUN.json RUN.json... [--out FILE]}. */
public final class Main {
    private static final String USAGE = """
            usage: herald bench run [SPEC.yaml] [--set key=value]... [--out DIR]
                     run a SIMPLEStone test; writes DIR/run.json, steps.csv, report.html
                   herald bench compare RUN.json RUN.json... [--out FILE.html]
                     one HTML report with the runs side by side on the same axes
                   herald bench spec [SPEC.yaml] [--set key=value]...
                     print the effective specification (defaults filled in)
            keys: docs/simplestone.md (e.g. --set target.port=5080 --set load.rates=500,1000 --set load.mode=search)""";

    private Main() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            System.out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Path file = null;
        Path out = null;
        List<String> sets = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--set" -> sets.add(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    if (args[i].startsWith("--")) {
                        System.err.println("unknown option " + args[i] + "\n" + USAGE);
                        return 2;
                    }
                    inputs.add(Path.of(args[i]));
                }
            }
        }
        try {
            switch (args[0]) {
                case "run", "spec" -> {
                    if (inputs.size() > 1) throw new IllegalArgumentException("one specification file at most");
                    file = inputs.isEmpty() ? null : inputs.getFirst();
                    BenchSpec spec = SpecLoader.load(file, sets);
                    if (args[0].equals("spec")) {
                        System.out.print(SpecLoader.toYaml(spec));
                        return 0;
                    }
                    if (out != null) spec = SpecLoader.load(file, append(sets, "output.dir=" + out));
                    RunReport report = new Controller(spec, System.err).run();
                    Path dir = spec.output().dir() != null ? Path.of(spec.output().dir()) : Path.of("simplestone-results",
                            spec.target().label() + "-" + java.time.LocalDateTime.now().withNano(0).toString().replace(":", "").replace("T", "-"));
                    Path html = ReportFiles.write(report, dir);
                    System.out.println("results: " + html.getParent().toAbsolutePath() + " (run.json, steps.csv, report.html)");
                    if (report.highestSustainedRate() != null) System.out.println("highest sustained: " + report.highestSustainedRate() + " PUBLISH/s");
                    return 0;
                }
                case "compare" -> {
                    if (inputs.size() < 2) throw new IllegalArgumentException("compare needs at least two run.json files");
                    List<RunReport> runs = new ArrayList<>();
                    for (Path p : inputs) runs.add(ReportFiles.read(p));
                    Path target = out == null ? Path.of("simplestone-comparison.html") : out;
                    java.nio.file.Files.writeString(target, HtmlReport.render(runs));
                    System.out.println("comparison: " + target.toAbsolutePath());
                    return 0;
                }
                default -> {
                    System.err.println(USAGE);
                    return 2;
                }
            }
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            System.err.println("herald bench: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | java.io.IOException e) {
            System.err.println("\nherald bench: " + e.getMessage());
            return 1;
        }
    }

    private static List<String> append(List<String> list, String item) {
        List<String> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
