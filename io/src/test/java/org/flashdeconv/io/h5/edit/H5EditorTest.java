package org.flashdeconv.io.h5.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.api.Group;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.flashdeconv.io.h5.H5File;
import org.flashdeconv.io.testdata.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built and edited by {@link H5Editor}, read back with jHDF (an independent HDF5 reader). */
class H5EditorTest {
    @TempDir
    Path dir;

    private static List<byte[]> type(String t) {
        return List.of(H5Editor.stringAttribute("encoding-type", t));
    }

    private static long doubles(H5Editor e, String path, double... v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return e.createDataset(path, H5Editor.float64(), new long[] {v.length}, 8L * v.length, s -> s.put(b.flip()),
                type("array"));
    }

    @Test
    void aNewFileWithManyLinksNeedsATwoLevelGroupTree() throws IOException {
        Path f = dir.resolve("many.h5");
        List<String> names = new ArrayList<>();
        try (H5Editor e = H5Editor.create(f, f, type("anndata"))) {
            e.createGroup("g", type("dict"));
            // 2 x leaf K (8) entries per node and 2 x internal K (32) nodes per B-tree node: 300 > 256
            for (int i = 0; i < 300; i++) {
                String name = "d" + (char) ('a' + i % 26) + i;
                names.add(name);
                doubles(e, "g/" + name, i, -i);
            }
            e.createGroup("empty", type("dict"));
            e.finish();
        }
        try (H5File h = H5File.open(f)) {
            Group g = h.group("g", "g");
            assertEquals(new TreeSet<>(names), new TreeSet<>(g.getChildren().keySet()));
            double[] v = new double[2];
            h.numeric("g/dq16", "d").readDoubles(0, 2, v);
            assertArrayEquals(new double[] {16, -16}, v);
            assertTrue(h.group("empty", "e").getChildren().isEmpty());
            assertEquals("anndata", h.stringAttribute(h.root(), "encoding-type"));
        }
    }

    @Test
    void anAnnDataCopyGainsLinksAndAttributesAndKeepsEverythingElse() throws IOException {
        Path f = dir.resolve("copy.h5ad");
        Files.copy(TestInputs.path("anndata/two_sections.h5ad"), f);
        long size = Files.size(f);
        try (H5Editor e = H5Editor.open(f, f)) {
            long at = doubles(e, "obs/extra", 1, 2, 3);
            e.hardLink("uns/extra_again", at);
            e.setAttribute("obs", "column-order", H5Editor.stringArrayAttribute("column-order", List.of("extra")));
            e.setAttribute("obs", "column-order", H5Editor.stringArrayAttribute("column-order",
                    List.of("library_id", "extra")));
            e.unlink("obs", "in_tissue");
            assertThrows(IllegalArgumentException.class, () -> e.link("obs", "a/b", at));
            e.finish();
        }
        assertTrue(Files.size(f) > size);
        // the original bytes stay, but for the few header fields that point at the new objects
        byte[] before = Files.readAllBytes(TestInputs.path("anndata/two_sections.h5ad"));
        byte[] after = Files.readAllBytes(f);
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            changed += before[i] != after[i] ? 1 : 0;
        }
        assertTrue(changed > 0 && changed <= 128, changed + " bytes of the original changed");
        try (H5File h = H5File.open(f)) {
            assertEquals(List.of("library_id", "extra"),
                    Arrays.asList((String[]) h.attribute(h.group("obs", "obs"), "column-order")));
            assertTrue(h.find("obs/in_tissue").isEmpty());
            double[] v = new double[3];
            h.numeric("uns/extra_again", "x").readDoubles(0, 3, v);
            assertArrayEquals(new double[] {1, 2, 3}, v);
            assertEquals("dataframe", h.stringAttribute(h.group("obs", "obs"), "encoding-type"));
            assertTrue(h.find("uns/spatial/section2/images/hires").isPresent());
            assertTrue(h.find("layers/counts/data").isPresent());
        }
    }

    @Test
    void otherLayoutsAreRefusedWithWhatWasFound() {
        UnsupportedLayoutException e = assertThrows(UnsupportedLayoutException.class,
                () -> H5Editor.open(TestInputs.path("anndata/spatial_latest_layout.h5ad"), Path.of("x.h5ad")));
        assertTrue(e.getMessage().startsWith("superblock version 3"), e.getMessage());
    }
}
