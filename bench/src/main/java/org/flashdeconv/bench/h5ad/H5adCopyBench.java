package org.flashdeconv.bench.h5ad;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.flashdeconv.engine.SpotStatus;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.io.h5.AnnDataResult;
import org.flashdeconv.io.h5.H5File;
import org.flashdeconv.io.h5.H5adOut;

/**
 * Times {@code --h5ad-out}'s copy of an AnnData input: {@link H5adOut#writeCopy} with K random proportion columns
 * (seeded; every tenth spot without a result), as a deconvolve run writes it. Prints the wall time, the sizes and
 * the peak resident memory of this JVM.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.flashdeconv.bench.h5ad.H5adCopyBench INPUT.h5ad OUT.h5ad [K]</pre>
 */
public final class H5adCopyBench {
    private H5adCopyBench() {
    }

    /**
     * Runs the copy once.
     *
     * @throws IOException if the input cannot be read or the output written
     */
    public static void main(String[] args) throws IOException {
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        long n;
        try (H5File f = H5File.open(input)) {
            n = f.dataset("obs/_index", "obs index").getDimensionsAsLong()[0];
        }
        List<String> types = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            types.add("type " + t);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocate(Layouts.F64, n * k);
            SplittableRandom rnd = new SplittableRandom(1);
            for (long i = 0; i < n; i++) {
                double sum = 0;
                double[] row = new double[k];
                for (int t = 0; t < k; t++) {
                    row[t] = rnd.nextDouble();
                    sum += row[t];
                }
                for (int t = 0; t < k; t++) {
                    p.setAtIndex(Layouts.F64, i * k + t, i % 10 == 7 ? Double.NaN : row[t] / sum);
                }
            }
            AnnDataResult result = new AnnDataResult(types, p,
                    i -> i % 10 == 7 ? SpotStatus.NO_COUNTS : SpotStatus.OK, Map.of("k_neighbors", 6), n);
            long t0 = System.nanoTime();
            H5adOut.writeCopy(input, output, result, null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%d spots, %d types: copy of %.2f GB + %.1f MB added in %.2f s; "
                            + "peak RSS %s%n", n, k, Files.size(input) / 1e9,
                    (Files.size(output) - Files.size(input)) / 1e6, seconds, peak());
        }
    }

    private static String peak() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return String.format(Locale.ROOT, "%.2f GB",
                        Long.parseLong(line.replaceAll("\\D", "")) * 1024 / 1e9);
            }
        }
        return "unknown";
    }
}
