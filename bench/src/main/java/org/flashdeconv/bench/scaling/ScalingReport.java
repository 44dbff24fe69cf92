package org.flashdeconv.bench.scaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The harness's outputs: a CSV of every figure, the fitted slopes and the Markdown tables for the README. */
final class ScalingReport {

    /** The metrics that get a slope. */
    enum Metric {
        WALL("wall time", RunResult::wallSeconds),
        RSS_ANON("peak RssAnon", r -> r.peakRssAnon()),
        RSS("peak RSS", r -> r.peakRss());

        final String label;
        final ToDoubleFunction<RunResult> value;

        Metric(String label, ToDoubleFunction<RunResult> value) {
            this.label = label;
            this.value = value;
        }
    }

    /**
     * A slope of one metric of one case over a group of runs.
     *
     * @param caseName the case
     * @param group    "all sizes" or a profile name when sizes mix profiles
     * @param metric   the metric
     * @param fit      the fit (x = N)
     * @param points   number of runs
     */
    record Slope(String caseName, String group, Metric metric, SlopeFit fit, int points) {
    }

    private ScalingReport() {
    }

    static final String CSV_HEADER = "case,profile,spots,nnz_per_spot,stage,wall_s,cpu_s,cpu_per_wall,peak_rss_bytes,"
            + "peak_rss_anon_bytes,peak_rss_file_bytes,peak_heap_bytes,iterations,converged";

    /** One line per stage and one "total" line per run. */
    static List<String> csvLines(List<RunResult> runs) {
        List<String> lines = new ArrayList<>();
        lines.add(CSV_HEADER);
        for (RunResult r : runs) {
            String head = String.format(Locale.ROOT, "%s,%s,%d,%.1f,", r.caseName(), r.size().profile().cliName(),
                    r.size().spots(), r.nnzPerSpot());
            String tail = "," + r.iterations() + "," + r.converged();
            for (Phase p : r.phases()) {
                lines.add(head + String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%d,%d,%d,%d", p.name(), p.wallSeconds(),
                        p.cpuSeconds(), p.cpuSeconds() / p.wallSeconds(), p.peakRss(), p.peakRssAnon(),
                        p.peakRssFile(), p.peakHeap()) + tail);
            }
            lines.add(head + String.format(Locale.ROOT, "total,%.3f,%.3f,%.3f,%d,%d,%d,%d", r.wallSeconds(),
                    r.cpuSeconds(), r.cpuPerWall(), r.peakRss(), r.peakRssAnon(), r.peakRssFile(), r.peakHeap())
                    + tail);
        }
        return lines;
    }

    static void writeCsv(List<RunResult> runs, Path file) throws IOException {
        Files.write(file, csvLines(runs));
    }

    /**
     * Reads back what {@link #csvLines} wrote (phase start and end times are not kept: each phase gets its wall
     * time from 0).
     *
     * @throws IllegalArgumentException if the header or a line does not have the expected fields
     */
    static List<RunResult> parseCsv(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(CSV_HEADER)) {
            throw new IllegalArgumentException("scaling CSV: expected the header '" + CSV_HEADER + "'");
        }
        List<RunResult> runs = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != 14) {
                throw new IllegalArgumentException("scaling CSV line " + (i + 1) + ": expected 14 fields, found "
                        + f.length);
            }
            long wallMs = Math.round(Double.parseDouble(f[5]) * 1e3);
            if (f[4].equals("total")) {
                SizeSpec size = new SizeSpec(count(Long.parseLong(f[2])).toLowerCase(java.util.Locale.ROOT),
                        Long.parseLong(f[2]), org.flashdeconv.io.simulate.Profile.parse(f[1]));
                runs.add(new RunResult(f[0], size, Double.parseDouble(f[3]), wallMs / 1e3, Double.parseDouble(f[6]),
                        Long.parseLong(f[8]), Long.parseLong(f[9]), Long.parseLong(f[10]), Long.parseLong(f[11]),
                        Integer.parseInt(f[12]), Boolean.parseBoolean(f[13]), List.copyOf(phases)));
                phases.clear();
            } else {
                phases.add(new Phase(f[4], 0, wallMs, Double.parseDouble(f[6]), Long.parseLong(f[11]),
                        Long.parseLong(f[8]), Long.parseLong(f[9]), Long.parseLong(f[10])));
            }
        }
        return runs;
    }

    /** Slopes per case over all its sizes, and per profile too when a case mixes profiles. */
    static List<Slope> slopes(List<RunResult> runs) {
        List<Slope> out = new ArrayList<>();
        for (Map.Entry<String, List<RunResult>> c : byCase(runs).entrySet()) {
            Map<String, List<RunResult>> groups = new LinkedHashMap<>();
            groups.put("all sizes", c.getValue());
            Set<String> profiles = new LinkedHashSet<>();
            c.getValue().forEach(r -> profiles.add(r.size().profile().cliName()));
            if (profiles.size() > 1) {
                for (String p : profiles) {
                    groups.put(p, c.getValue().stream().filter(r -> r.size().profile().cliName().equals(p)).toList());
                }
            }
            for (Map.Entry<String, List<RunResult>> g : groups.entrySet()) {
                List<RunResult> rs = g.getValue();
                if (rs.stream().map(r -> r.size().spots()).distinct().count() < 2) {
                    continue;
                }
                double[] x = rs.stream().mapToDouble(r -> r.size().spots()).toArray();
                for (Metric m : Metric.values()) {
                    double[] y = rs.stream().mapToDouble(m.value).toArray();
                    out.add(new Slope(c.getKey(), g.getKey(), m, SlopeFit.fit(x, y), rs.size()));
                }
            }
        }
        return out;
    }

    static Map<String, List<RunResult>> byCase(List<RunResult> runs) {
        Map<String, List<RunResult>> m = new LinkedHashMap<>();
        for (RunResult r : runs) {
            m.computeIfAbsent(r.caseName(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    /** The summary table, the per-stage table and the slopes, in Markdown. */
    static String markdown(List<RunResult> runs, List<Slope> slopes) {
        StringBuilder b = new StringBuilder();
        b.append("| case | bins | profile | nnz/bin | wall | CPU | CPU/wall | peak RSS | peak RssAnon | peak RssFile "
                + "| peak heap | sweeps |\n|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult r : runs) {
            String sweeps = r.iterations() < 0 ? "-" // convert: no solver
                    : r.iterations() + (r.converged() ? "" : " (not converged)");
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.2f s | %.2f s | %.2f | %s | %s | %s | %s "
                            + "| %s |%n", r.caseName(), count(r.size().spots()), r.size().profile().cliName(),
                    r.nnzPerSpot(), r.wallSeconds(), r.cpuSeconds(), r.cpuPerWall(), gb(r.peakRss()),
                    gb(r.peakRssAnon()), gb(r.peakRssFile()), gb(r.peakHeap()), sweeps));
        }
        List<String> stages = new ArrayList<>();
        for (RunResult r : runs) {
            for (Phase p : r.phases()) {
                if (!stages.contains(p.name())) {
                    stages.add(p.name());
                }
            }
        }
        b.append("\nPer stage: wall time, CPU/wall, peak RssAnon.\n\n| case | bins |");
        stages.forEach(s -> b.append(' ').append(s).append(" |"));
        b.append("\n|---|---:|");
        stages.forEach(s -> b.append("---:|"));
        b.append('\n');
        for (RunResult r : runs) {
            b.append("| ").append(r.caseName()).append(" | ").append(count(r.size().spots())).append(' ')
                    .append(r.size().profile().cliName()).append(" |");
            for (String s : stages) {
                Phase p = r.phases().stream().filter(q -> q.name().equals(s)).findFirst().orElse(null);
                b.append(p == null ? " - |" : String.format(Locale.ROOT, " %.2f s, %.1f, %s |", p.wallSeconds(),
                        p.cpuSeconds() / p.wallSeconds(), gb(p.peakRssAnon())));
            }
            b.append('\n');
        }
        if (!slopes.isEmpty()) {
            b.append("\nLog-log slopes (least squares over N):\n\n| case | sizes | wall time | peak RssAnon | peak RSS |\n"
                    + "|---|---|---:|---:|---:|\n");
            for (int i = 0; i + 2 < slopes.size(); i += 3) {
                Slope w = slopes.get(i);
                b.append(String.format(Locale.ROOT, "| %s | %s (%d runs) | %.2f | %.2f | %.2f |%n", w.caseName(),
                        w.group(), w.points(), w.fit().slope(), slopes.get(i + 1).fit().slope(),
                        slopes.get(i + 2).fit().slope()));
            }
        }
        return b.toString();
    }

    /** 10k, 100k, 1M, 10M, or the plain number. */
    static String count(long n) {
        if (n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n % 1_000 == 0) {
            return n / 1_000 + "k";
        }
        return Long.toString(n);
    }

    /** Bytes in GB (10⁹), two decimals, or "-" when unknown. */
    static String gb(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
