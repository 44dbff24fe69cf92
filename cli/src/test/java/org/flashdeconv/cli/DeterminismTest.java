package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deconvolve} gives byte-identical proportions and abundances for 1, 2 and 4 threads and across two runs,
 * on a slide large enough to split every stage into several blocks; summary.json records the version and every
 * parameter needed to repeat the run.
 */
class DeterminismTest {
    private static final List<String> OUTPUTS = List.of("proportions.csv", "abundances.csv", "dominant.csv",
            "genes_used.txt");

    @TempDir
    Path dir;

    private static int run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertEquals(0, code, err.toString());
        return code;
    }

    private Path deconvolve(Path sim, String name, int threads) {
        Path out = dir.resolve(name);
        run("deconvolve", "--spatial", sim.resolve("slide.fdstore").toString(), "--reference",
                sim.resolve("signatures.csv").toString(), "-o", out.toString(), "--threads",
                Integer.toString(threads), "-q");
        return out;
    }

    @Test
    void sameBytesForAnyThreadCountAndAcrossRuns() throws IOException {
        Path sim = dir.resolve("sim");
        run("simulate", "-o", sim.toString(), "--spots", "6000", "--genes", "300", "--types", "6", "--profile",
                "hd16", "--seed", "5", "-q");
        Path one = deconvolve(sim, "t1", 1);
        for (Path other : List.of(deconvolve(sim, "t2", 2), deconvolve(sim, "t4", 4), deconvolve(sim, "t4again", 4))) {
            for (String f : OUTPUTS) {
                assertEquals(-1, Files.mismatch(one.resolve(f), other.resolve(f)), f + " of " + other.getFileName());
            }
        }
        List<String> rows = Files.readAllLines(one.resolve("proportions.csv"));
        assertEquals(6001, rows.size());

        String summary = Files.readString(one.resolve("summary.json"));
        assertTrue(summary.contains("\"producer\": \"flashdeconv-java "), summary);
        for (String parameter : List.of("sketch_dim", "lambda_spatial", "rho_sparsity", "n_hvg", "n_markers_per_type",
                "spatial_method", "k_neighbors", "radius", "max_iter", "tol", "preprocess", "gene_weighting",
                "random_state", "solver", "threads", "spatial", "reference", "coords", "transpose",
                "reference_orientation", "min_cells", "min_overlap", "lambda_used", "random_state_used")) {
            assertTrue(summary.contains("\"" + parameter + "\": "), parameter + " in " + summary);
        }
        assertTrue(summary.contains("\"threads\": 1"), summary);
    }
}
