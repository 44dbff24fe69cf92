package org.flashdeconv.bench.scaling;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs a {@code flashdeconv} command ({@code deconvolve}, {@code convert}) in a child JVM (the launcher's command:
 * the JVM flags of this JVM, which {@code bench/run-scaling.sh} starts with the repository's {@code jvm.args}, and
 * the command-line jar), samples its {@code /proc} readings every {@value #PERIOD_MS} ms, and combines them with the
 * phases the child wrote into {@code summary.json} ({@code phases}, {@code memory}, {@code n_iterations}).
 */
final class ChildRun {
    /** Sampling period of /proc, ms. */
    static final long PERIOD_MS = 50;

    /**
     * This JVM's flags from {@code jvm.args} (module and access flags, the collector and its heap sizes), for the
     * child: it runs with the launcher's flags.
     */
    static List<String> launcherFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("--enable-native-access")
                        || a.startsWith("--sun-misc") || a.startsWith("-XX:") || a.startsWith("-Xm"))
                .toList();
    }

    private ChildRun() {
    }

    /**
     * What to run: the java binary, extra JVM options, the command-line jar and the command's arguments, given the
     * result folder (a child that writes {@code summary.json} there gets its phases and memory report read).
     */
    record Command(Path java, List<String> javaOptions, Path jar, Function<Path, List<String>> args) {
        /** {@code deconvolve} of {@code spatial} with {@code signatures} into the result folder, plus {@code more}. */
        static Command deconvolve(Path java, List<String> javaOptions, Path jar, Path spatial, Path signatures,
                                  List<String> more) {
            return new Command(java, javaOptions, jar, out -> {
                List<String> a = new ArrayList<>(List.of("deconvolve", "--spatial", spatial.toString(),
                        "--reference", signatures.toString(), "-o", out.toString(), "--quiet", "--json"));
                a.addAll(more);
                return a;
            });
        }

        /** {@code convert} of {@code input} into {@code slide.fdstore} in the result folder. */
        static Command convert(Path java, List<String> javaOptions, Path jar, Path input) {
            return new Command(java, javaOptions, jar, out -> List.of("convert", input.toString(), "-o",
                    out.resolve("slide.fdstore").toString(), "--quiet"));
        }

        List<String> toList(Path output) {
            List<String> cmd = new ArrayList<>();
            cmd.add(java.toString());
            cmd.addAll(launcherFlags());
            cmd.addAll(javaOptions); // after jvm.args, as the launcher puts JAVA_OPTS: a -Xmn given here wins
            cmd.addAll(List.of("-jar", jar.toString()));
            cmd.addAll(args.apply(output));
            return cmd;
        }
    }

    /**
     * Runs the child into {@code runDir} (its result folder is {@code runDir/result}; stdout and stderr go to
     * {@code runDir/stdout.txt} and {@code stderr.txt}); afterwards keeps only {@code summary.json} of the result.
     *
     * @throws IOException if the child fails (with the end of its stderr) or its summary is unreadable
     */
    static RunResult run(String caseName, SizeSpec size, double nnzPerSpot, Command command, Path runDir)
            throws IOException, InterruptedException {
        Path result = runDir.resolve("result");
        deleteTree(runDir);
        Files.createDirectories(result);
        ProcessBuilder pb = new ProcessBuilder(command.toList(result))
                .redirectOutput(runDir.resolve("stdout.txt").toFile())
                .redirectError(runDir.resolve("stderr.txt").toFile());
        long startMs = System.currentTimeMillis();
        Process p = pb.start();
        ProcessSampler sampler = new ProcessSampler(p.toHandle(), PERIOD_MS);
        int exit = p.waitFor();
        long endMs = System.currentTimeMillis();
        List<ProcReading> readings = sampler.finish();
        if (exit != 0) {
            List<String> err = Files.readAllLines(runDir.resolve("stderr.txt"));
            throw new IOException(caseName + " " + size.folder() + ": the child exited with " + exit + ": "
                    + String.join(" | ", err.subList(Math.max(0, err.size() - 5), err.size())));
        }
        Path summaryFile = result.resolve("summary.json");
        Map<String, Object> summary = Map.of();
        if (Files.isRegularFile(summaryFile)) { // deconvolve writes one, convert does not
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) MiniJson.parse(Files.readString(summaryFile));
            summary = m;
            Files.copy(summaryFile, runDir.resolve("summary.json"));
        }
        deleteTree(result);
        return combine(caseName, size, nnzPerSpot, summary, readings, startMs, endMs);
    }

    /** Merges the child's phases and memory report with the harness's readings. */
    @SuppressWarnings("unchecked")
    static RunResult combine(String caseName, SizeSpec size, double nnzPerSpot, Map<String, Object> summary,
                             List<ProcReading> readings, long startMs, long endMs) {
        List<Phase> raw = new ArrayList<>();
        double phaseCpu = 0;
        long lastEnd = startMs;
        for (Object o : (List<Object>) summary.getOrDefault("phases", List.of())) {
            Map<String, Object> m = (Map<String, Object>) o;
            String name = (String) m.get("name");
            long start = raw.isEmpty() ? startMs : number(m, "start_epoch_ms").longValue();
            long end = number(m, "start_epoch_ms").longValue() + Math.round(number(m, "wall_seconds") * 1e3);
            double cpu = number(m, "cpu_seconds");
            phaseCpu += Math.max(0, cpu);
            raw.add(Phase.of(name, start, end, cpu, number(m, "peak_heap_bytes").longValue(), readings));
            lastEnd = end;
        }
        double cpuTotal = readings.isEmpty() ? 0 : readings.getLast().cpuSeconds();
        raw.add(Phase.of("output", lastEnd, endMs, Math.max(0, cpuTotal - phaseCpu), -1, readings));
        Map<String, Object> memory = (Map<String, Object>) summary.getOrDefault("memory", Map.of());
        long rss = 0;
        long anon = 0;
        long file = 0;
        for (ProcReading r : readings) {
            rss = Math.max(rss, r.rss());
            anon = Math.max(anon, r.rssAnon());
            file = Math.max(file, r.rssFile());
        }
        rss = Math.max(rss, number(memory, "peak_rss_bytes").longValue());
        return new RunResult(caseName, size, nnzPerSpot, (endMs - startMs) / 1e3, cpuTotal, rss, anon, file,
                number(memory, "peak_heap_bytes").longValue(), number(summary, "n_iterations").intValue(),
                Boolean.TRUE.equals(summary.get("converged")), fold(raw));
    }

    /**
     * Names the gaps between engine stages: the gap after "gene statistics" is the gene selection; any other
     * "after X" gap (a few ms of set-up) is merged into the stage before it.
     */
    static List<Phase> fold(List<Phase> raw) {
        List<Phase> out = new ArrayList<>();
        for (Phase p : raw) {
            if (p.name().equals("after gene statistics")) {
                out.add(new Phase("gene selection", p.startMs(), p.endMs(), p.cpuSeconds(), p.peakHeap(),
                        p.peakRss(), p.peakRssAnon(), p.peakRssFile()));
            } else if (p.name().startsWith("after ") && !out.isEmpty()) {
                out.add(out.removeLast().merge(p));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static Double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Double d ? d : -1.0;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
