package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.io.reference.LoadedReference;
import org.flashdeconv.io.reference.SingleCellReference;
import org.flashdeconv.io.store.CountStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void writesStoreSignaturesAndTruth(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a");
        assertEquals(0, run("simulate", "-o", a.toString(), "--spots", "600", "--genes", "400", "--types", "5",
                "--profile", "hd16", "--seed", "3", "--threads", "2", "--quiet"), err.toString());
        assertTrue(out.toString().contains("simulated 600 hd16 spots x 400 genes, 5 cell types (seed 3)"),
                out.toString());
        try (CountStore store = CountStore.open(a.resolve("slide.fdstore"))) {
            assertEquals(600, store.spots());
            assertEquals(400, store.genes());
            assertTrue(store.nnz() > 600 * 100, "hd16 depth, found " + store.nnz());
            assertTrue(out.toString().contains(String.format("%,d counts", store.nnz())), out.toString());
            assertEquals(2, store.coords().orElseThrow().dim());
        }
        assertEquals(6, Files.readAllLines(a.resolve("signatures.csv")).size());
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(a.resolve("truth_proportions.csv.gz"))),
                StandardCharsets.UTF_8))) {
            assertEquals("barcode,B_cell,T_CD4,T_CD8,NK,Monocyte", r.readLine());
            assertEquals(600, r.lines().count());
        }

        Path b = dir.resolve("b");
        assertEquals(0, run("simulate", "-o", b.toString(), "--spots", "600", "--genes", "400", "--types", "5",
                "--profile", "hd16", "--seed", "3", "--threads", "1", "-q"), err.toString());
        try (CountStore sa = CountStore.open(a.resolve("slide.fdstore"));
             CountStore sb = CountStore.open(b.resolve("slide.fdstore"))) {
            CsrView x = sa.csr();
            CsrView y = sb.csr();
            assertEquals(-1, x.rowPtr().mismatch(y.rowPtr()), "same seed, other thread count: same rows");
            assertEquals(-1, x.colIdx().mismatch(y.colIdx()));
            assertEquals(-1, x.values().mismatch(y.values()));
        }
        assertEquals(-1, Files.mismatch(a.resolve("truth_proportions.csv.gz"), b.resolve("truth_proportions.csv.gz")));
    }

    @Test
    void realisticScenarioWritesBothTruthsAndASingleCellReference(@TempDir Path dir) throws IOException {
        assertEquals(0, run("simulate", "-o", dir.toString(), "--spots", "400", "--genes", "300", "--types", "4",
                "--profile", "hd8", "--scenario", "realistic", "--reference-cells", "20", "--seed", "2", "-q"),
                err.toString());
        assertEquals(4, Files.readAllLines(dir.resolve("signatures.csv")).size(), "header + 3 reference types");
        for (String truth : new String[] {"truth_proportions.csv.gz", "truth_cell_fractions.csv.gz"}) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(dir.resolve(truth))), StandardCharsets.UTF_8))) {
                assertEquals("barcode,B_cell,T_CD4,T_CD8,NK", r.readLine(), "the missing type stays in the truth");
                assertEquals(400, r.lines().count());
            }
        }
        String json = Files.readString(dir.resolve("simulation.json"));
        assertTrue(json.contains("\"scenario\": \"realistic\"") && json.contains("\"platform_sigma\": 0.4"), json);
        LoadedReference cells = SingleCellReference.fromMex(dir.resolve("reference_cells"),
                dir.resolve("reference_cells/cell_types.csv"), 10);
        assertEquals(List.of("B_cell", "T_CD4", "T_CD8"), cells.reference().cellTypes());
        assertEquals(20, cells.reference().cellCounts()[0]);
        try (CountStore store = CountStore.open(dir.resolve("slide.fdstore"))) {
            assertEquals(400, store.spots());
            assertEquals(300, store.genes());
        }
        assertEquals(2, run("simulate", "-o", dir.toString(), "--spots", "10", "--depth", "20-5000", "-q"),
                "a bad option value is a usage error");
        assertTrue(err.toString().contains("--depth must be MIN:MAX"), err.toString());
    }

    @Test
    void badOptionsFailWithTheirName(@TempDir Path dir) {
        int code = run("simulate", "-o", dir.toString(), "--spots", "10", "--profile", "hd4", "-q");
        assertTrue(code != 0);
        assertTrue(err.toString().contains("unknown profile 'hd4'"), err.toString());
        assertEquals(2, run("simulate", "-o", dir.toString()), "missing --spots is a usage error");
    }
}
