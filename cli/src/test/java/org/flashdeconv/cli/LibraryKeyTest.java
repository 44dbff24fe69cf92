package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.flashdeconv.io.testdata.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sections concatenated in one AnnData file (same pixel space, obs["library_id"]): the graph per section. */
class LibraryKeyTest {
    @TempDir
    Path dir;

    private Result run(String command, String spatial, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--spatial", spatial, "--reference",
                TestInputs.path("anndata/cellxgene_reference.h5ad").toString(), "--cell-type-key", "cell_type",
                "--exclude-types", "unknown", "--min-overlap", "20"));
        if (command.equals("deconvolve")) {
            args.addAll(List.of("-o", dir.resolve("out").toString(), "--quiet"));
        }
        args.addAll(List.of(more));
        return StoreCommandsTest.run(args.toArray(String[]::new));
    }

    private static String two() {
        return TestInputs.path("anndata/two_sections.h5ad").toString();
    }

    @Test
    void libraryIdIsTheDefaultAndSaidInTheSummary() throws IOException {
        Result r = run("deconvolve", two());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("share their coordinates"), r.err());
        String summary = Files.readString(dir.resolve("out/summary.json")).replaceAll("\\s+", "");
        assertTrue(summary.contains("\"library_key\":\"library_id\",\"library_key_default\":true,\"sections\":["
                + "{\"name\":\"section1\",\"spots\":30},{\"name\":\"section2\",\"spots\":30}]"), summary);
        assertTrue(summary.contains("2sectionsbyobs['library_id'](thedefault;--library-keynamesanothercolumn):the"
                + "spatialgraphisbuiltpersection"), summary);
        // section 2 has section 1's coordinates: per section, the graph is twice that of section 1 on its own
        assertEquals(0, run("deconvolve", TestInputs.path("anndata/spatial_counts_layer.h5ad").toString()).code());
        String one = Files.readString(dir.resolve("out/summary.json")).replaceAll("\\s+", "");
        assertEquals(2 * edges(one), edges(summary), summary);
    }

    private static int edges(String summary) {
        int at = summary.indexOf("\"n_edges\":") + 10;
        return Integer.parseInt(summary.substring(at, summary.indexOf(',', at)));
    }

    @Test
    void oneSectionForBothWarnsThatSpotsShareCoordinates() {
        Result r = run("deconvolve", two(), "--library-key", "in_tissue");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: 30 spots share their coordinates with another spot of the same section"
                + " (e.g. S1_00-1 and S2_00-1); the spatial graph links them"), r.err());
        Result v = run("validate", TestInputs.path("anndata/spatial_counts_layer.h5ad").toString());
        assertEquals(0, v.code(), v.out());
        assertFalse(v.out().contains("share their coordinates"), v.out());
    }

    @Test
    void sectionsMatterToTheResult() throws IOException {
        assertEquals(0, run("deconvolve", two()).code());
        String apart = Files.readString(dir.resolve("out/proportions.csv"));
        assertEquals(0, run("deconvolve", two(), "--library-key", "in_tissue").code());
        String together = Files.readString(dir.resolve("out/proportions.csv"));
        assertFalse(apart.equals(together), "linking the twin spots of the other section changes the fit");
    }

    @Test
    void aMissingColumnOrAnInputWithoutObsIsRefused() throws IOException {
        Result missing = run("validate", two(), "--library-key", "slide");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("obs/slide: no such column (found [array_col, array_row, in_tissue, "
                + "library_id])"), missing.err());
        Path store = dir.resolve("s.fdstore");
        assertEquals(0, StoreCommandsTest.run("convert", two(), "-o", store.toString(), "--quiet").code());
        Result fromStore = run("validate", store.toString(), "--library-key", "library_id");
        assertTrue(fromStore.code() != 0);
        assertTrue(fromStore.err().contains("--library-key: " + store + " is a store, which keeps no obs columns"),
                fromStore.err());
        Result stacked = run("validate", store.toString());
        assertTrue(stacked.out().contains("30 spots share their coordinates with another spot (e.g. S1_00-1 and "
                + "S2_00-1); the spatial graph links them; several sections in one file? name their obs column with "
                + "--library-key"), stacked.out());
    }
}
