package org.flashdeconv.io.h5;

import static org.flashdeconv.io.testdata.TestInputs.path;
import static org.flashdeconv.io.testdata.TestInputs.truthMatrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompressedMatrixTest {

    /** Blocks smaller than a row, equal to it and larger: the windowing must deliver the same entries. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 1000})
    void anyBlockSizeReadsTheSameEntries(int block) throws IOException {
        double[][] counts = truthMatrix("counts", 9);
        try (H5File f = H5File.open(path("h5ad/old_style.h5ad"))) {
            CompressedMatrix m = new CompressedMatrix(f.path(), f.numeric("X/data", "d"), f.numeric("X/indices", "i"),
                    f.numeric("X/indptr", "p"), 12, 9, block, block);
            double[][] got = new double[12][9];
            List<long[]> order = new ArrayList<>();
            m.forEach(true, (row, col, value, entry) -> {
                got[(int) row][col] = value;
                order.add(new long[] {row, col});
            });
            assertArrayEquals(counts, got);
            for (int i = 1; i < order.size(); i++) {
                long[] a = order.get(i - 1);
                long[] b = order.get(i);
                assertEquals(true, a[0] < b[0] || a[0] == b[0] && a[1] < b[1]);
            }
            // unsorted delivery keeps the file's (descending) order within a row
            List<long[]> raw = new ArrayList<>();
            m.forEach(false, (row, col, value, entry) -> raw.add(new long[] {row, col, entry}));
            assertEquals(order.size(), raw.size());
            for (int i = 0; i < raw.size(); i++) {
                assertEquals(i, raw.get(i)[2]);
            }
        }
    }
}
