package org.flashdeconv.bench.accuracy;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.FixedShapeSource;

/**
 * Small in-memory spots x genes counts in CSR form with 2-D coordinates, as a {@link CountSource} (spot-major;
 * barcodes {@code spot_1, spot_2, ...}); the pseudo-spots are built this way and then converted to a store.
 */
final class ArraySource extends FixedShapeSource {
    private final int[] rowPtr;
    private final int[] colIdx;
    private final double[] values;
    private final double[][] xy;

    /**
     * Wraps the arrays (not copied).
     *
     * @throws IllegalArgumentException if the shapes disagree
     */
    ArraySource(String name, List<String> genes, int[] rowPtr, int[] colIdx, double[] values, double[][] xy) {
        if (rowPtr.length != xy.length + 1 || colIdx.length != values.length || rowPtr[xy.length] != colIdx.length) {
            throw new IllegalArgumentException(name + ": " + xy.length + " spots, " + rowPtr.length
                    + " row pointers, " + colIdx.length + " columns and " + values.length + " values");
        }
        super(name, xy.length, List.copyOf(genes), List.of());
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
        this.xy = xy;
    }

    @Override
    public void forEachBarcode(Consumer<String> consumer) {
        for (int i = 0; i < xy.length; i++) {
            consumer.accept("spot_" + (i + 1));
        }
    }

    @Override
    public boolean spotMajor() {
        return true;
    }

    @Override
    public void forEachEntry(EntryConsumer consumer) throws IOException {
        for (int i = 0; i < xy.length; i++) {
            for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
                consumer.accept(i, colIdx[e], values[e], e);
            }
        }
    }

    @Override
    public String describe(long location) {
        return name() + " entry " + location;
    }

    @Override
    public Optional<Coordinates> coordinates() {
        return Optional.of(new Coordinates() {
            @Override
            public int dim() {
                return 2;
            }

            @Override
            public void read(long first, int count, double[] out) {
                for (int i = 0; i < count; i++) {
                    out[2 * i] = xy[(int) first + i][0];
                    out[2 * i + 1] = xy[(int) first + i][1];
                }
            }
        });
    }

    @Override
    public void close() {
    }
}
