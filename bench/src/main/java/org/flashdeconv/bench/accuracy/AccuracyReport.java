package org.flashdeconv.bench.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Formats the benchmark's results as Markdown tables, one row per data set x method; with several seeds every
 * figure is the mean over the seeds, and a last table lists the RMSE per seed.
 */
final class AccuracyReport {
    private static final String HEADER = "| data set | spots | types (ref/truth) | truth units | method | RMSE | r "
            + "| JSD | flagged | fit s |";
    private static final String RULE = "|---|---:|---|---|---|---:|---:|---:|---:|---:|";

    private AccuracyReport() {
    }

    /** The tables for {@code results} (in run order). */
    static String format(List<RunResult> results) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(r.dataSet() + "\u0000" + r.method(), x -> new ArrayList<>()).add(r);
        }
        StringBuilder out = new StringBuilder();
        out.append("### Headline: molecule fractions (where the truth has them), all truth types\n\n")
                .append("RMSE and pooled Pearson r over all spot x type entries, mean Jensen-Shannon divergence "
                        + "(base 2) of the spots' proportions; a type missing from the reference counts as "
                        + "estimated 0. Flagged spots (no estimate) are left out.\n\n");
        table(out, groups, g -> g.get(0).headlineUnits(), Scoring.Definition.ALL_TYPES, true);
        if (groups.values().stream().anyMatch(g -> g.get(0).scores().containsKey(Truth.Units.CELLS)
                && g.get(0).scores().containsKey(Truth.Units.MOLECULES))) {
            out.append("\n### Cell fractions, all truth types (sets whose truth has both units)\n\n");
            Map<String, List<RunResult>> both = new LinkedHashMap<>();
            groups.forEach((key, g) -> {
                if (g.get(0).scores().containsKey(Truth.Units.CELLS)
                        && g.get(0).scores().containsKey(Truth.Units.MOLECULES)) {
                    both.put(key, g);
                }
            });
            table(out, both, g -> Truth.Units.CELLS, Scoring.Definition.ALL_TYPES, false);
        }
        Map<String, List<RunResult>> missing = new LinkedHashMap<>();
        groups.forEach((key, g) -> {
            if (g.get(0).referenceTypes() < g.get(0).truthTypes()) {
                missing.put(key, g);
            }
        });
        if (!missing.isEmpty()) {
            out.append("\n### Reference missing types: the known types only (headline units)\n\n")
                    .append("| data set | method | RMSE, truth as is | r, truth as is | RMSE, renormalised "
                            + "| r, renormalised | JSD, renormalised |\n|---|---|---:|---:|---:|---:|---:|\n");
            for (List<RunResult> g : missing.values()) {
                RunResult first = g.get(0);
                Truth.Units u = first.headlineUnits();
                out.append("| ").append(first.dataSet()).append(" | ").append(first.method()).append(" | ")
                        .append(f4(mean(g, r -> score(r, u, Scoring.Definition.KNOWN_TYPES).rmse()))).append(" | ")
                        .append(f3(mean(g, r -> score(r, u, Scoring.Definition.KNOWN_TYPES).r()))).append(" | ")
                        .append(f4(mean(g, r -> score(r, u, Scoring.Definition.RENORMALISED).rmse()))).append(" | ")
                        .append(f3(mean(g, r -> score(r, u, Scoring.Definition.RENORMALISED).r()))).append(" | ")
                        .append(f4(mean(g, r -> score(r, u, Scoring.Definition.RENORMALISED).jsd())))
                        .append(" |\n");
            }
        }
        if (groups.values().stream().anyMatch(g -> g.size() > 1)) {
            out.append("\n### Per seed: RMSE / r (headline units and definition)\n\n")
                    .append("| data set | method | seed | RMSE | r |\n|---|---|---:|---:|---:|\n");
            for (List<RunResult> g : groups.values()) {
                for (RunResult r : g) {
                    Scoring.Score s = score(r, r.headlineUnits(), Scoring.Definition.ALL_TYPES);
                    out.append("| ").append(r.dataSet()).append(" | ").append(r.method()).append(" | ")
                            .append(r.seed()).append(" | ").append(f4(s.rmse())).append(" | ").append(f3(s.r()))
                            .append(" |\n");
                }
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, Map<String, List<RunResult>> groups,
                              java.util.function.Function<List<RunResult>, Truth.Units> units,
                              Scoring.Definition definition, boolean headline) {
        out.append(HEADER).append('\n').append(RULE).append('\n');
        for (List<RunResult> g : groups.values()) {
            RunResult first = g.get(0);
            Truth.Units u = units.apply(g);
            String unitName = headline && first.unitsNote() != null ? "as shipped (" + first.unitsNote() + ")"
                    : u == Truth.Units.MOLECULES ? "molecules" : "cells";
            out.append("| ").append(first.dataSet()).append(g.size() > 1 ? " (" + g.size() + " seeds)" : "")
                    .append(" | ").append(first.spots()).append(" | ").append(first.referenceTypes()).append('/')
                    .append(first.truthTypes()).append(" | ").append(unitName).append(" | ").append(first.method())
                    .append(" | ").append(f4(mean(g, r -> score(r, u, definition).rmse())))
                    .append(" | ").append(f3(mean(g, r -> score(r, u, definition).r())))
                    .append(" | ").append(f4(mean(g, r -> score(r, u, definition).jsd())))
                    .append(" | ").append(Math.round(mean(g, RunResult::flagged)))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", mean(g, RunResult::seconds)))
                    .append(" |\n");
        }
    }

    private static Scoring.Score score(RunResult r, Truth.Units u, Scoring.Definition d) {
        return r.scores().get(u).get(d);
    }

    private static double mean(List<RunResult> g, ToDoubleFunction<RunResult> f) {
        return g.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
