package org.flashdeconv.bench.scaling;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.io.simulate.GroundTruth;
import org.flashdeconv.io.simulate.SimulatedSlide;
import org.flashdeconv.io.simulate.SimulationOptions;
import org.flashdeconv.io.store.CountStore;
import org.flashdeconv.io.store.StoreConverter;

/**
 * The scaling harness (issue 6). For each size it simulates a slide into a store once (kept in the data folder
 * and reused), then runs {@code flashdeconv deconvolve} in a child JVM per case, and writes
 * {@code OUT/scaling.csv}, {@code OUT/scaling.png} and {@code OUT/scaling.md} (also printed).
 *
 * <pre>
 * ScalingHarness --jar cli/target/flashdeconv.jar [--sizes 10k,100k,1m,10m]
 *                [--cases defaults,reference,counts,flashdeconv,again,convert-h5ad,...]
 *                [--out DIR] [--data DIR] [--java-opts "-Xmx4g"] [--seed 1] [--baseline-jar OLD.jar]
 * ScalingHarness --from-csv OUT/scaling.csv --out DIR      (only redraw the PNG and the tables)
 * </pre>
 * Cases (all but {@code counts} with {@code --model flashdeconv}, the published model the speed figures measure):
 * {@code defaults} (the command's other defaults) and {@code reference} (the published package's settings:
 * {@code --max-iter 100 --gene-weighting countsketch}), run when {@code --cases} is not given; {@code counts} and
 * {@code flashdeconv} ({@code --model counts}, {@code --model flashdeconv}: the count model's cost against today's);
 * {@code again} (the defaults once more: a second run), all on the simulated store; {@code convert-h5ad} and
 * {@code convert-10x} ({@code convert} of the slide written as an AnnData file and as a Cell Ranger 10x h5 by
 * {@code bench/scripts/store_to_h5.py}, see {@link H5Files}), {@code from-h5ad} ({@code deconvolve --spatial
 * slide.h5ad}) and {@code from-store} ({@code deconvolve} of the store {@code convert} made of the h5ad, statistics
 * included). With {@code --baseline-jar}, every case also runs with that jar first (case name "baseline ..."): a
 * reference figure measured in the same run.
 */
public final class ScalingHarness {

    /**
     * What every case but {@code counts} adds: the published model, which the speed figures of the README and
     * bench/README.md have always measured (the command's default became the count model later).
     */
    static final List<String> PUBLISHED_MODEL = List.of("--model", "flashdeconv");

    /** The deconvolve cases on the simulated store and the arguments they add to {@code deconvolve}. */
    static final Map<String, List<String>> CASES = new LinkedHashMap<>();

    /** The cases that read the user's file: what they read from the data folder. */
    static final Map<String, String> FILE_CASES = new LinkedHashMap<>();

    static {
        CASES.put("defaults", PUBLISHED_MODEL);
        CASES.put("again", PUBLISHED_MODEL);
        CASES.put("reference", List.of("--model", "flashdeconv", "--max-iter", "100", "--gene-weighting",
                "countsketch"));
        CASES.put("counts", List.of("--model", "counts"));
        CASES.put("flashdeconv", List.of("--model", "flashdeconv"));
        FILE_CASES.put("convert-h5ad", "slide.h5ad");
        FILE_CASES.put("convert-10x", "filtered_feature_bc_matrix.h5");
        FILE_CASES.put("from-h5ad", "slide.h5ad");
        FILE_CASES.put("from-store", H5Files.CONVERTED);
    }

    private ScalingHarness() {
    }

    /** Parsed command line. */
    record Options(List<SizeSpec> sizes, List<String> cases, Path out, Path data, Path jar, List<String> javaOptions,
                   long seed, Path fromCsv, Path baselineJar) {
    }

    /**
     * Runs the harness.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("scaling harness: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(o.out());
        List<RunResult> runs = o.fromCsv() != null ? ScalingReport.parseCsv(Files.readAllLines(o.fromCsv()))
                : measure(o);
        List<ScalingReport.Slope> slopes = ScalingReport.slopes(runs);
        ScalingChart.write(runs, o.out().resolve("scaling.png"));
        String md = ScalingReport.markdown(runs, slopes);
        Files.writeString(o.out().resolve("scaling.md"), md);
        System.out.print(md);
        System.err.printf(Locale.ROOT, "wrote %s and %s (load average now %.2f)%n", o.out().resolve("scaling.png"),
                o.out().resolve("scaling.md"), loadAverage());
    }

    /** Simulates what is missing and runs every case at every size; writes the CSV after each run. */
    private static List<RunResult> measure(Options o) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        PrintStream log = System.err;
        List<RunResult> runs = new ArrayList<>();
        for (SizeSpec size : o.sizes()) {
            Path dir = o.data().resolve(size.folder());
            double nnzPerSpot = ensureSlide(size, dir, o.seed(), log);
            if (o.cases().stream().anyMatch(FILE_CASES::containsKey)) {
                H5Files.ensure(dir, o.jar(), java, o.javaOptions(), log);
            }
            for (String c : o.cases()) {
                for (Path jar : o.baselineJar() == null ? List.of(o.jar()) : List.of(o.baselineJar(), o.jar())) {
                    String name = jar.equals(o.jar()) ? c : "baseline " + c;
                    log.printf(Locale.ROOT, "run %s %s (load average %.2f) ...%n", name, size.folder(), loadAverage());
                    Path signatures = dir.resolve("signatures.csv");
                    ChildRun.Command cmd = switch (c) {
                        case "convert-h5ad", "convert-10x" -> ChildRun.Command.convert(java, o.javaOptions(), jar,
                                dir.resolve(FILE_CASES.get(c)));
                        case "from-h5ad", "from-store" -> ChildRun.Command.deconvolve(java, o.javaOptions(), jar,
                                dir.resolve(FILE_CASES.get(c)), signatures, PUBLISHED_MODEL);
                        default -> ChildRun.Command.deconvolve(java, o.javaOptions(), jar, dir.resolve("slide.fdstore"),
                                signatures, CASES.get(c));
                    };
                    RunResult r = ChildRun.run(name, size, nnzPerSpot, cmd, o.out().resolve("runs")
                            .resolve(name.replace(' ', '-') + "-" + size.folder()));
                    log.printf(Locale.ROOT, "  %.2f s wall, %.2f s CPU, peak RSS %s, RssAnon %s, heap %s, %d sweeps%n",
                            r.wallSeconds(), r.cpuSeconds(), ScalingReport.gb(r.peakRss()),
                            ScalingReport.gb(r.peakRssAnon()), ScalingReport.gb(r.peakHeap()), r.iterations());
                    runs.add(r);
                    ScalingReport.writeCsv(runs, o.out().resolve("scaling.csv"));
                }
            }
        }
        return runs;
    }

    static Options parse(String[] args) {
        List<SizeSpec> sizes = List.of(SizeSpec.parse("10k"), SizeSpec.parse("100k"), SizeSpec.parse("1m"));
        List<String> cases = List.of("defaults", "reference");
        Path baselineJar = null;
        Path out = Path.of("bench", "target", "scaling");
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "flashdeconv-scaling");
        Path jar = null;
        String javaOpts = System.getenv().getOrDefault("JAVA_OPTS", "");
        long seed = 1;
        Path fromCsv = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--sizes" -> sizes = Arrays.stream(v.split(",")).map(SizeSpec::parse).toList();
                case "--cases" -> {
                    cases = Arrays.stream(v.split(",")).map(String::trim).toList();
                    for (String c : cases) {
                        if (!CASES.containsKey(c) && !FILE_CASES.containsKey(c)) {
                            throw new IllegalArgumentException("--cases: unknown case '" + c + "', expected "
                                    + String.join(", ", CASES.keySet()) + " or " + String.join(", ",
                                    FILE_CASES.keySet()));
                        }
                    }
                }
                case "--out" -> out = Path.of(v);
                case "--data" -> data = Path.of(v);
                case "--jar" -> jar = Path.of(v);
                case "--baseline-jar" -> baselineJar = Path.of(v);
                case "--from-csv" -> fromCsv = Path.of(v);
                case "--java-opts" -> javaOpts = v;
                case "--seed" -> {
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed must be an integer, found '" + v + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (expected --sizes, --cases,"
                        + " --out, --data, --jar, --baseline-jar, --java-opts, --seed, --from-csv)");
            }
        }
        if (fromCsv == null && (jar == null || !Files.isRegularFile(jar))) {
            throw new IllegalArgumentException("--jar must name the command-line jar (cli/target/flashdeconv.jar),"
                    + " found " + jar);
        }
        List<String> jo = javaOpts.isBlank() ? List.of() : List.of(javaOpts.trim().split("\\s+"));
        if (baselineJar != null && !Files.isRegularFile(baselineJar)) {
            throw new IllegalArgumentException("--baseline-jar: no such file " + baselineJar);
        }
        return new Options(sizes, cases, out, data, jar, jo, seed, fromCsv, baselineJar);
    }

    /** Simulates the slide into {@code dir} unless its store and signatures exist; returns nnz per spot. */
    private static double ensureSlide(SizeSpec size, Path dir, long seed, PrintStream log) throws IOException {
        Path store = dir.resolve("slide.fdstore");
        Path signatures = dir.resolve("signatures.csv");
        if (!Files.isRegularFile(store) || !Files.isRegularFile(signatures)) {
            log.printf(Locale.ROOT, "simulating %s into %s ...%n", size.folder(), dir);
            Files.createDirectories(dir);
            long t0 = System.nanoTime();
            try (SimulatedSlide slide = new SimulatedSlide(SimulationOptions.of(size.spots(), size.profile(),
                    seed))) {
                StoreConverter.convert(slide, store, Progress.NONE);
                GroundTruth.writeSignatures(slide, signatures);
            }
            log.printf(Locale.ROOT, "  done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        try (CountStore s = CountStore.open(store, false)) {
            if (s.spots() != size.spots()) {
                throw new IOException(store + " holds " + s.spots() + " spots, expected " + size.spots()
                        + "; delete it to simulate again");
            }
            return s.nnz() / (double) s.spots();
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
