package org.flashdeconv.bench.scaling;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The user's files of a simulated slide, made once beside its store and reused: {@code slide.h5ad} and
 * {@code filtered_feature_bc_matrix.h5} (written by {@code bench/scripts/store_to_h5.py} with Debian's
 * {@code /usr/bin/python3} and h5py, the way anndata and Cell Ranger write them) and {@link #CONVERTED}, the store
 * {@code flashdeconv convert} makes of the h5ad (born with its gene statistics).
 */
final class H5Files {
    /** The store converted from the h5ad. */
    static final String CONVERTED = "converted.fdstore";

    private H5Files() {
    }

    /**
     * Writes whatever of the three files is missing in {@code dir}.
     *
     * @throws IOException if a child fails
     */
    static void ensure(Path dir, Path jar, Path java, List<String> javaOptions, PrintStream log)
            throws IOException, InterruptedException {
        Path h5ad = dir.resolve("slide.h5ad");
        if (!Files.isRegularFile(h5ad) || !Files.isRegularFile(dir.resolve("filtered_feature_bc_matrix.h5"))) {
            log.printf(Locale.ROOT, "writing %s and the 10x h5 (bench/scripts/store_to_h5.py) ...%n", h5ad);
            run(List.of("/usr/bin/python3", Path.of("bench", "scripts", "store_to_h5.py").toString(),
                    dir.resolve("slide.fdstore").toString(), h5ad.toString(),
                    dir.resolve("filtered_feature_bc_matrix.h5").toString()), dir);
        }
        if (!Files.isRegularFile(dir.resolve(CONVERTED))) {
            log.printf(Locale.ROOT, "converting %s into %s ...%n", h5ad, CONVERTED);
            List<String> cmd = new ArrayList<>(List.of(java.toString()));
            cmd.addAll(javaOptions);
            cmd.addAll(ChildRun.launcherFlags());
            cmd.addAll(List.of("-jar", jar.toString(), "convert", h5ad.toString(), "-o",
                    dir.resolve(CONVERTED).toString(), "--quiet"));
            run(cmd, dir);
        }
    }

    private static void run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("h5files.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + Files.readString(log).strip());
        }
    }
}
