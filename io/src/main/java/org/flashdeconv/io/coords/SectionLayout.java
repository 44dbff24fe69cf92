package org.flashdeconv.io.coords;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;

/**
 * Several tissue sections in one file (an {@code ad.concat} of slides, told apart by an obs column such as
 * {@code library_id}) laid side by side for the spatial graph: each section is shifted along the first axis so that
 * its smallest coordinate sits at its own offset, with a gap between sections wider than twice the largest
 * section's diagonal. Any two spots of different sections are then farther apart than any two spots of one section,
 * so the k-nearest-neighbour graph of a section with more than k spots, the radius graph (for a radius below the
 * gap) and the grid graph link spots of the same section only: the graph is built per section. The shifted
 * coordinates are only for the graph; outputs keep the input's.
 *
 * @param sectionOf  each spot's section index (in order of first appearance)
 * @param names      the section names, by index
 * @param sizes      spots per section
 */
public record SectionLayout(int[] sectionOf, List<String> names, long[] sizes) {

    /**
     * The sections of {@code labels} (one per spot; a missing label is a section of its own, named {@code NaN}).
     */
    public static SectionLayout of(String[] labels) {
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] of = new int[labels.length];
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            String l = labels[i] == null ? "NaN" : labels[i];
            Integer s = index.get(l);
            if (s == null) {
                s = index.size();
                index.put(l, s);
                sizes.add(0L);
            }
            of[i] = s;
            sizes.set(s, sizes.get(s) + 1);
        }
        return new SectionLayout(of, List.copyOf(index.keySet()),
                sizes.stream().mapToLong(Long::longValue).toArray());
    }

    /** Number of sections. */
    public int sections() {
        return names.size();
    }

    /**
     * The coordinates with each section moved apart along the first axis, allocated in {@code arena}.
     *
     * @throws IllegalArgumentException if there is not one section index per spot, or a coordinate is not finite
     */
    public CoordsView separate(CoordsView xy, Arena arena) {
        if (xy.n() != sectionOf.length) {
            throw new IllegalArgumentException("sections: " + sectionOf.length + " labels for " + xy.n() + " spots");
        }
        int s = sections();
        int dim = xy.dim();
        double[][] min = new double[s][dim];
        double[][] max = new double[s][dim];
        for (double[] m : min) {
            java.util.Arrays.fill(m, Double.POSITIVE_INFINITY);
        }
        for (double[] m : max) {
            java.util.Arrays.fill(m, Double.NEGATIVE_INFINITY);
        }
        for (long i = 0; i < xy.n(); i++) {
            int sec = sectionOf[(int) i];
            for (int d = 0; d < dim; d++) {
                double v = xy.get(i, d);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("sections: coordinate " + d + " of spot " + i + " is " + v);
                }
                min[sec][d] = Math.min(min[sec][d], v);
                max[sec][d] = Math.max(max[sec][d], v);
            }
        }
        double diagonal = 0;
        for (int k = 0; k < s; k++) {
            double sq = 0;
            for (int d = 0; d < dim; d++) {
                sq += (max[k][d] - min[k][d]) * (max[k][d] - min[k][d]);
            }
            diagonal = Math.max(diagonal, Math.sqrt(sq));
        }
        double gap = 2 * diagonal + 1;
        double[] offset = new double[s];
        for (int k = 1; k < s; k++) {
            offset[k] = offset[k - 1] + (max[k - 1][0] - min[k - 1][0]) + gap;
        }
        MemorySegment out = arena.allocate(Layouts.F64, xy.n() * dim);
        for (long i = 0; i < xy.n(); i++) {
            int sec = sectionOf[(int) i];
            out.setAtIndex(Layouts.F64, i * dim, xy.get(i, 0) - min[sec][0] + offset[sec]);
            for (int d = 1; d < dim; d++) {
                out.setAtIndex(Layouts.F64, i * dim + d, xy.get(i, d));
            }
        }
        return new CoordsView(xy.n(), dim, out);
    }
}
