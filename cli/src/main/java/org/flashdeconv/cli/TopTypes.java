package org.flashdeconv.cli;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.matrix.Layouts;

/** A one-line description of a fit's most abundant cell types: mean proportion and spots where dominant. */
final class TopTypes {
    private TopTypes() {
    }

    /** "top cell types: B 31.2% (dominant in 402 spots), ..." for the {@code top} largest mean proportions. */
    static String describe(FitResult fit, int top) {
        int k = fit.cellTypes();
        long n = fit.spots();
        double[] mean = new double[k];
        long[] dominant = new long[k];
        long counted = 0;
        MemorySegment p = fit.proportions();
        MemorySegment d = fit.dominantCellType();
        for (long i = 0; i < n; i++) {
            if (!fit.hasResult(i)) {
                continue;
            }
            counted++;
            for (int t = 0; t < k; t++) {
                mean[t] += p.getAtIndex(Layouts.F64, i * k + t);
            }
            int dom = d.getAtIndex(Layouts.I32, i);
            if (dom >= 0) {
                dominant[dom]++;
            }
        }
        long c = Math.max(counted, 1);
        Integer[] order = new Integer[k];
        Arrays.setAll(order, t -> t);
        Arrays.sort(order, Comparator.comparingDouble((Integer t) -> -mean[t]));
        List<String> names = fit.cellTypeNames();
        StringBuilder sb = new StringBuilder("top cell types (mean proportion, spots where dominant):");
        for (int r = 0; r < Math.min(top, k); r++) {
            int t = order[r];
            sb.append(String.format(Locale.ROOT, "%s %s %.1f%% (%d)", r == 0 ? "" : ",", names.get(t),
                    100 * mean[t] / c, dominant[t]));
        }
        return sb.toString();
    }
}
