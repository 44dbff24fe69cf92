package org.flashdeconv.io.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies the bundled real data (io test resources, also in the io test-jar) into a folder, so tests of any
 * module can hand real files to readers and commands.
 */
public final class TestData {
    /** Entries in the MTX header of the bundled Visium lymph node matrix. */
    public static final long VISIUM_LYMPHNODE_NNZ = 335319;

    private static final String[] VISIUM_FILES = {"matrix.mtx.gz", "features.tsv.gz", "barcodes.tsv.gz",
        "coordinates.csv.gz"};

    private TestData() {
    }

    /**
     * Copies the Visium lymph node MEX folder (2000 genes x 1000 spots, gzipped, with coordinates.csv.gz) to
     * {@code dir/visium_lymphnode} and returns that folder.
     */
    public static Path visiumLymphnode(Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("visium_lymphnode"));
        for (String f : VISIUM_FILES) {
            try (InputStream in = TestData.class.getResourceAsStream("/data/visium_lymphnode/" + f)) {
                if (in == null) {
                    throw new IOException("test resource /data/visium_lymphnode/" + f + " is missing");
                }
                Files.copy(in, out.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return out;
    }
}
