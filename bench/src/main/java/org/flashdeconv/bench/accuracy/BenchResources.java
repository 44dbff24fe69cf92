package org.flashdeconv.bench.accuracy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The real data sets bundled with the benchmark (classpath folder {@code data/} next to this class: the FlexiDeconv
 * MERFISH pixels and two spacexr single-cell references, gzipped, GPL-3; see {@code data/README.md}), copied to a
 * work folder so the io readers can open them as files.
 */
final class BenchResources {
    /** The FlexiDeconv MERFISH set. */
    static final String MERFISH = "merfish_flexideconv";
    static final List<String> MERFISH_FILES = List.of("matrix.mtx.gz", "features.tsv.gz", "barcodes.tsv.gz",
            "coordinates.csv.gz", "truth_proportions.csv.gz", "signatures.csv.gz", "signatures_true_9types.csv.gz");
    /** A single-cell reference folder: MEX and cell_types.csv. */
    static final List<String> REFERENCE_FILES = List.of("matrix.mtx.gz", "features.tsv.gz", "barcodes.tsv.gz",
            "cell_types.csv.gz");

    private BenchResources() {
    }

    /**
     * Copies {@code files} of the bundled folder {@code folder} into {@code target} (created) and returns it.
     *
     * @throws IOException if a resource is missing or a file cannot be written
     */
    static Path extract(String folder, List<String> files, Path target) throws IOException {
        Files.createDirectories(target);
        for (String f : files) {
            String name = "data/" + folder + "/" + f;
            try (InputStream in = BenchResources.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("bundled benchmark file " + name + " is missing from the classpath");
                }
                Files.copy(in, target.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
