package org.flashdeconv.bench.accuracy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The gates of issue #10 for the count model (docs/algorithm.md §29), as one table: MERFISH with the 8-type reference
 * (pooled r ≥ 0.80) and the 9 true signatures (r ≥ 0.95); on every simulated profile, {@code realistic} RMSE at least
 * 20 % below the FLASHDECONV model's and {@code clean} RMSE not above it (means over the seeds). Runs
 * {@link AccuracyBench} with the methods counts, flashdeconv and nnls on the sets {@code sim,merfish}; takes the same
 * options ({@code --spots}, {@code --seeds}, {@code --profiles}, {@code --out}).
 */
public final class Gates {
    /** Required relative RMSE gain of counts over flashdeconv on the realistic scenario. */
    static final double REALISTIC_GAIN = 0.20;

    private Gates() {
    }

    /** Runs the gates; prints the table (and the full benchmark tables) to stdout; exit 2 on a bad option, 1 on IO. */
    public static void main(String[] args) {
        List<String> all = new ArrayList<>(List.of("--sets", "sim,merfish", "--methods", "counts,flashdeconv,nnls"));
        all.addAll(List.of(args));
        AccuracyBench.runTool("Gates", () -> {
            BenchOptions options = BenchOptions.parse(all.toArray(String[]::new));
            List<RunResult> results = AccuracyBench.results(options, System.err);
            String table = table(results, options) + "\n" + AccuracyReport.format(results);
            System.out.print(table);
            if (options.out() != null) {
                Files.writeString(options.out(), table);
            }
        });
    }

    /** The gate table of {@code results}. */
    static String table(List<RunResult> results, BenchOptions options) {
        StringBuilder out = new StringBuilder("| gate | data set | counts RMSE | counts r | flashdeconv RMSE "
                + "| flashdeconv r | nnls RMSE | nnls r | criterion | result |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        boolean allPass = true;
        for (String set : List.of("merfish-8types", "merfish-9types")) {
            double need = set.equals("merfish-8types") ? 0.80 : 0.95;
            double r = mean(results, set, "counts", s -> s.r());
            boolean pass = r >= need;
            allPass &= pass;
            row(out, "1", set, results, "counts r >= " + need, pass);
        }
        for (String scenario : options.scenarios()) {
            for (var profile : options.profiles()) {
                String set = profile.cliName() + " " + scenario;
                double c = mean(results, set, "counts", s -> s.rmse());
                double f = mean(results, set, "flashdeconv", s -> s.rmse());
                boolean realistic = scenario.equals("realistic");
                boolean pass = realistic ? c <= (1 - REALISTIC_GAIN) * f : c <= f;
                allPass &= pass;
                row(out, "2", set + " (" + options.seeds().size() + " seeds)", results,
                        realistic ? String.format(Locale.ROOT, "RMSE %.1f %% below flashdeconv (need 20 %%)",
                                100 * (1 - c / f)) : String.format(Locale.ROOT,
                                "RMSE not above flashdeconv (%+.1f %%)", 100 * (c / f - 1)), pass);
            }
        }
        out.append("\nAll gates: ").append(allPass ? "PASS" : "FAIL").append('\n');
        return out.toString();
    }

    private static void row(StringBuilder out, String gate, String label, List<RunResult> results, String criterion,
                            boolean pass) {
        String set = label.contains(" (") ? label.substring(0, label.indexOf(" (")) : label;
        out.append("| ").append(gate).append(" | ").append(label);
        for (String m : List.of("counts", "flashdeconv", "nnls")) {
            out.append(" | ").append(f(mean(results, set, m, s -> s.rmse()), 4)).append(" | ")
                    .append(f(mean(results, set, m, s -> s.r()), 3));
        }
        out.append(" | ").append(criterion).append(" | ").append(pass ? "PASS" : "FAIL").append(" |\n");
    }

    /** The headline score (headline units, all truth types) of {@code method} on {@code set}, mean over seeds. */
    private static double mean(List<RunResult> results, String set, String method,
                               ToDoubleFunction<Scoring.Score> f) {
        return results.stream().filter(r -> r.dataSet().equals(set) && r.method().equals(method))
                .mapToDouble(r -> f.applyAsDouble(r.scores().get(r.headlineUnits()).get(Scoring.Definition.ALL_TYPES)))
                .average().orElse(Double.NaN);
    }

    private static String f(double v, int digits) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
