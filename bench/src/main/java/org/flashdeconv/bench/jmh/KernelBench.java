package org.flashdeconv.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.simd.Kernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Each {@link Kernels} method on its own, scalar vs vector, at length {@code n} (12: a K-vector of the solver;
 * 300: one hd8 spot's entries; 2000: a long row). The sparse kernels index a dense vector of 18000 (genes) with n
 * distinct ascending indices; {@code matVec} is K x K with K = min(n, 64); {@code addSegment} reads n
 * values of an off-heap f64 segment.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KernelBench extends JmhDefaults {

    @Param({"12", "300", "2000"})
    public int n;

    @Param({"scalar", "vector"})
    public String kernels;

    private Kernels k;
    private double[] a;
    private double[] b;
    private double[] dense;
    private int[] index;
    private double[] matrix;
    private double[] out;
    private Arena arena;
    private MemorySegment segment;

    @Setup(Level.Trial)
    public void setUp() {
        k = kernels(kernels);
        SplittableRandom r = new SplittableRandom(1);
        a = r.doubles(n).toArray();
        b = r.doubles(n).toArray();
        out = new double[n];
        dense = r.doubles(PassData.GENES).toArray();
        index = new int[n];
        int gap = PassData.GENES / n;
        for (int j = 0; j < n; j++) {
            index[j] = j * gap + r.nextInt(gap);
        }
        int m = Math.min(n, 64);
        matrix = r.doubles((long) m * m).toArray();
        arena = Arena.ofConfined();
        segment = arena.allocate(Layouts.F64, n);
        MemorySegment.copy(a, 0, segment, Layouts.F64, 0, n);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public double dot() {
        return k.dot(a, 0, b, 0, n);
    }

    @Benchmark
    public double[] axpy() {
        k.axpy(1e-9, a, 0, b, 0, n);
        return b;
    }

    @Benchmark
    public double sumOfSquares() {
        return k.sumOfSquares(a, 0, n);
    }

    @Benchmark
    public double gatherDot() {
        return k.gatherDot(dense, index, a, n);
    }

    @Benchmark
    public double[] scatterAxpy() {
        k.scatterAxpy(1e-9, a, index, dense, n);
        return dense;
    }

    @Benchmark
    public double[] addSegment() {
        k.addSegment(segment, 0, out, n);
        return out;
    }

    @Benchmark
    public double[] matVec() {
        int m = Math.min(n, 64);
        k.matVec(matrix, m, a, out);
        return out;
    }
}
