package org.flashdeconv.io.h5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.io.h5.edit.H5Editor;

/**
 * The {@code X} of a new AnnData file: the counts on the genes used as a {@code csr_matrix} group (data float32
 * for integer counts, else float64; indices int32; indptr int64), each row's genes ascending. Two passes over the
 * store: the row lengths, then the entries, a block of rows at a time.
 */
final class NewCounts {
    private static final int ROWS = 4096;

    private NewCounts() {
    }

    static void write(H5Editor e, H5adOut.Counts c, long n) throws IOException {
        CsrView y = c.counts();
        int[] map = c.toUsed();
        long[] indptr = new long[Math.toIntExact(n + 1)];
        for (long i = 0; i < n; i++) {
            long kept = 0;
            for (long k = y.rowStart(i); k < y.rowEnd(i); k++) {
                kept += map[y.col(k)] >= 0 ? 1 : 0;
            }
            indptr[(int) i + 1] = indptr[(int) i] + kept;
        }
        long nnz = indptr[(int) n];
        List<byte[]> attrs = new ArrayList<>(AnnDataResult.encoding("csr_matrix", "0.1.0"));
        attrs.add(H5Editor.longArrayAttribute("shape", n, c.genes().size()));
        e.createGroup("X", attrs);
        int valueBytes = c.integerCounts() ? 4 : 8;
        e.createDataset("X/data", valueBytes == 4 ? H5Editor.float32() : H5Editor.float64(), new long[] {nnz},
                nnz * valueBytes, sink -> rows(y, map, n, sink, true, valueBytes), AnnDataResult.encoding("array",
                        "0.2.0"));
        e.createDataset("X/indices", H5Editor.signed(4), new long[] {nnz}, nnz * 4,
                sink -> rows(y, map, n, sink, false, 4), AnnDataResult.encoding("array", "0.2.0"));
        e.createDataset("X/indptr", H5Editor.signed(8), new long[] {n + 1}, (n + 1) * 8, sink -> {
            ByteBuffer b = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
            for (int first = 0; first < indptr.length; first += 8192) {
                b.clear();
                for (int i = first; i < Math.min(indptr.length, first + 8192); i++) {
                    b.putLong(indptr[i]);
                }
                sink.put(b.flip());
            }
        }, AnnDataResult.encoding("array", "0.2.0"));
    }

    /** Writes the values (or the column indices) of the kept entries, each row sorted by its used column. */
    private static void rows(CsrView y, int[] map, long n, H5Editor.Sink sink, boolean values, int bytes)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        long[] packed = new long[64];
        for (long i = 0; i < n; i++) {
            int m = 0;
            for (long k = y.rowStart(i); k < y.rowEnd(i); k++) {
                int col = map[y.col(k)];
                if (col >= 0) {
                    if (m == packed.length) {
                        packed = java.util.Arrays.copyOf(packed, 2 * m);
                    }
                    packed[m++] = ((long) col << 32) | (k - y.rowStart(i));
                }
            }
            java.util.Arrays.sort(packed, 0, m);
            for (int j = 0; j < m; j++) {
                if (b.remaining() < 8) {
                    sink.put(b.flip());
                    b.clear();
                }
                int col = (int) (packed[j] >>> 32);
                long k = y.rowStart(i) + (packed[j] & 0xffffffffL);
                if (!values) {
                    b.putInt(col);
                } else if (bytes == 4) {
                    b.putFloat((float) y.value(k));
                } else {
                    b.putDouble(y.value(k));
                }
            }
        }
        sink.put(b.flip());
    }
}
