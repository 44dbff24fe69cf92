package org.flashdeconv.io.mex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;
import org.flashdeconv.io.coords.CoordinatesCsv;
import org.flashdeconv.io.store.CountStore;
import org.flashdeconv.io.store.StoreConverter;
import org.flashdeconv.io.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converts the bundled real Visium lymph node MEX folder and checks it against a naive reader. */
class VisiumLymphnodeTest {
    @TempDir
    Path dir;

    @Test
    void convertsWithEveryEntryAndCoordinate() throws IOException {
        Path mex = TestData.visiumLymphnode(dir);
        Path out = dir.resolve("lymph.fdstore");
        try (var src = CoordinatesCsv.attach(MexSource.open(mex, false), mex.resolve("coordinates.csv.gz"))) {
            assertTrue(src.spotMajor());
            StoreConverter.convert(src, out, Progress.NONE);
        }
        try (CountStore store = CountStore.open(out);
             BufferedReader mtx = gunzip(mex.resolve("matrix.mtx.gz"));
             BufferedReader csv = gunzip(mex.resolve("coordinates.csv.gz"))) {
            assertEquals(1000, store.spots());
            assertEquals(2000, store.genes());
            assertEquals(TestData.VISIUM_LYMPHNODE_NNZ, store.nnz());
            assertEquals(ValueType.F32, store.valueType());
            assertEquals("PRSS8", store.geneNames().get(0));
            assertEquals("CGAGGAGCTTCCATAT-1", store.barcode(0));
            double[][] dense = new double[1000][2000];
            mtx.readLine();
            mtx.readLine();
            String line;
            while ((line = mtx.readLine()) != null) {
                String[] t = line.split(" ");
                dense[Integer.parseInt(t[1]) - 1][Integer.parseInt(t[0]) - 1] = Double.parseDouble(t[2]);
            }
            CsrView csr = store.csr();
            long k = 0;
            for (int s = 0; s < 1000; s++) {
                double total = 0;
                for (int g = 0; g < 2000; g++) {
                    if (dense[s][g] != 0) {
                        assertEquals(g, csr.col(k));
                        assertEquals(dense[s][g], csr.value(k++));
                        total += dense[s][g];
                    }
                }
                assertEquals(total, store.totals().getAtIndex(Layouts.F64, s));
            }
            csv.readLine();
            for (int s = 0; s < 1000; s++) {
                String[] t = csv.readLine().split(",");
                assertEquals(t[0], store.barcode(s));
                assertEquals(Double.parseDouble(t[1]), store.coords().orElseThrow().get(s, 0));
                assertEquals(Double.parseDouble(t[2]), store.coords().orElseThrow().get(s, 1));
            }
        }
    }

    private static BufferedReader gunzip(Path p) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)),
                StandardCharsets.UTF_8));
    }
}
