package org.flashdeconv.bench.accuracy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flashdeconv.io.simulate.Profile;

/**
 * The accuracy benchmark: scores every method on every data set against the truth and prints Markdown tables of
 * RMSE, pooled Pearson r and mean Jensen-Shannon divergence ({@link AccuracyReport}; scoring in {@link Scoring}).
 *
 * <p>Data sets: simulated slides, each platform profile x scenario ({@link SimulatedSet}, default 20,000 spots,
 * 18,000 genes, 12 types); the FlexiDeconv MERFISH pixels with the 8-type reference (one type missing) and with the
 * 9 true signatures ({@link MerfishSet}); pseudo-spots pooled from real single cells ({@link PseudoSpots}). Methods
 * ({@link Methods}): today's model at its defaults, plain NNLS on raw counts, the 1/√mean-weighted NNLS.
 *
 * <pre>
 * AccuracyBench [--quick] [--sets sim,merfish,pseudo] [--profiles visium,hd16,hd8,hd2]
 *               [--scenarios clean,realistic] [--spots 20000] [--genes 18000] [--pseudo-spots 2000]
 *               [--seeds 1,2,3] [--methods flashdeconv,nnls,nnls-weighted,CLASS] [--out FILE] [--work DIR]
 * </pre>
 * Progress goes to stderr, the tables to stdout (and {@code --out}).
 */
public final class AccuracyBench {
    private AccuracyBench() {
    }

    /** Runs the benchmark; exit code 2 on a bad option, 1 on an IO failure. */
    public static void main(String[] args) {
        runTool("AccuracyBench", () -> System.out.print(run(BenchOptions.parse(args), System.err)));
    }

    /** The body of a benchmark tool's {@code main}. */
    @FunctionalInterface
    interface Tool {
        /**
         * Runs the tool.
         *
         * @throws IllegalArgumentException on a bad option
         * @throws IOException              on a read or write failure
         */
        void run() throws IOException;
    }

    /**
     * Runs {@code tool}; on a bad option prints one line {@code name: message} to stderr and exits with 2, on an IO
     * failure with 1 (the command line's convention).
     */
    static void runTool(String name, Tool tool) {
        try {
            tool.run();
        } catch (IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println(name + ": " + e);
            System.exit(1);
        }
    }

    /**
     * Runs every data set and method of {@code options}; returns the Markdown tables (also written to
     * {@code options.out()} when set).
     *
     * @param log receives one progress line per fit
     * @throws IOException if a data set cannot be built or the output written
     */
    public static String run(BenchOptions options, PrintStream log) throws IOException {
        String tables = AccuracyReport.format(results(options, log));
        if (options.out() != null) {
            Files.writeString(options.out(), tables);
        }
        return tables;
    }

    /**
     * Runs every data set and method of {@code options} and returns the scores, in run order.
     *
     * @param log receives one progress line per fit
     * @throws IOException if a data set cannot be built
     */
    static List<RunResult> results(BenchOptions options, PrintStream log) throws IOException {
        List<Method> methods = options.methods().stream().map(Methods::byName).toList();
        Files.createDirectories(options.work());
        Path work = Files.createTempDirectory(options.work(), "accuracy-bench");
        List<RunResult> results = new ArrayList<>();
        try {
            if (options.sets().contains("sim")) {
                for (String scenario : options.scenarios()) {
                    for (Profile p : options.profiles()) {
                        for (long seed : options.seeds()) {
                            try (BenchData d = SimulatedSet.build(p, scenario, options.spots(), options.genes(),
                                    seed, work)) {
                                runAll(d, seed, methods, results, log);
                            }
                        }
                    }
                }
            }
            if (options.sets().contains("merfish")) {
                for (boolean allTypes : new boolean[] {false, true}) {
                    try (BenchData d = MerfishSet.load(allTypes, work)) {
                        runAll(d, -1, methods, results, log);
                    }
                }
            }
            if (options.sets().contains("pseudo")) {
                for (PseudoSpots.Spec spec : List.of(PseudoSpots.MERFISH_CELLS, PseudoSpots.CEREBELLUM_CELLS)) {
                    for (long seed : options.seeds()) {
                        try (BenchData d = PseudoSpots.build(spec, options.pseudoSpots(), seed, work)) {
                            runAll(d, seed, methods, results, log);
                        }
                    }
                }
            }
        } finally {
            deleteTree(work);
        }
        return results;
    }

    private static void runAll(BenchData data, long seed, List<Method> methods, List<RunResult> results,
                               PrintStream log) {
        for (Method m : methods) {
            long start = System.nanoTime();
            Estimate e = m.fit(data);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (e.proportions().length != data.spots()) {
                throw new IllegalStateException(m.name() + " returned " + e.proportions().length + " rows for "
                        + data.spots() + " spots");
            }
            RunResult r = RunResult.score(data, seed, m.name(), e, seconds);
            results.add(r);
            Scoring.Score s = r.scores().get(r.headlineUnits()).get(Scoring.Definition.ALL_TYPES);
            log.printf(java.util.Locale.ROOT, "%-22s seed %-3d %-14s RMSE %.4f r %.3f (%.1f s)%n", data.name(),
                    seed, m.name(), s.rmse(), s.r(), seconds);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
