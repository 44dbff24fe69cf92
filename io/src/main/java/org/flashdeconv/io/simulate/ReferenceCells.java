package org.flashdeconv.io.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.flashdeconv.io.atomic.AtomicOutput;
import org.flashdeconv.io.text.CsvWriter;

/**
 * A simulated single-cell reference for a simulated slide: {@code perType} cells of every reference type (the
 * missing types are left out), drawn from the undistorted reference profiles (no platform effect) with the slide's
 * over-dispersion: cell c of type k has an expected library of size_k·exp(0.3·N(0,1)) molecules (size_k the type's
 * mean molecules per cell) and negative binomial counts around it, which is the same as every cell drawing its own
 * gamma-perturbed profile (multinomial counts when the dispersion is 0). Every cell has its own random stream keyed
 * by (seed, cell), so the reference does not depend on the thread count.
 *
 * <p>Held on the heap as CSR (cells x genes, a few million entries for a few hundred cells per type); written as a
 * 10x MEX folder ({@code matrix.mtx.gz} genes x cells, {@code features.tsv.gz}, {@code barcodes.tsv.gz}) with a
 * {@code cell_types.csv} ({@code cell,cell_type}) beside them, which {@code deconvolve --reference FOLDER
 * --cell-types FOLDER/cell_types.csv} reads.
 */
public final class ReferenceCells {
    /** σ of the log library size of the cells of one type around the type's cell size. */
    static final double LIBRARY_SIGMA = 0.3;
    private static final long STREAM_SALT = 0x7363726566636C6CL;

    private final List<String> geneNames;
    private final List<String> typeNames;
    private final List<String> cellNames;
    private final int[] cellType;
    private final SpotBlock data;

    private ReferenceCells(List<String> geneNames, List<String> typeNames, int[] cellType, SpotBlock data) {
        this.geneNames = geneNames;
        this.typeNames = typeNames;
        this.cellType = cellType;
        this.data = data;
        this.cellNames = new NumberedNames("Cell", cellType.length);
    }

    /**
     * Draws {@code perType} cells of every reference type of {@code slide}, types in reference order.
     *
     * @throws IllegalArgumentException if perType is below 1 or above {@link SlideEffects#MAX_REFERENCE_CELLS}
     */
    public static ReferenceCells draw(SimulatedSlide slide, int perType) {
        if (perType < 1 || perType > SlideEffects.MAX_REFERENCE_CELLS) {
            throw new IllegalArgumentException("reference cells per type must be in [1, "
                    + SlideEffects.MAX_REFERENCE_CELLS + "], found " + perType);
        }
        SimulationOptions options = slide.options();
        int types = options.referenceTypes();
        int cells = Math.multiplyExact(types, perType);
        CountDrawer drawer = new CountDrawer(slide.referenceProfiles(), options.effects().dispersion());
        TissueLayout.Mix one = slide.newMix();
        one.count = 1;
        one.units[0] = TissueLayout.UNITS;
        SpotRandom rng = new SpotRandom(0);
        int[] cellType = new int[cells];
        SpotBlock block = new SpotBlock(0, cells, cells * 256);
        for (int c = 0; c < cells; c++) {
            int k = c / perType;
            cellType[c] = k;
            one.type[0] = k;
            rng.reseed(options.seed() ^ STREAM_SALT, c);
            double expected = slide.cellSize(k) * Math.exp(LIBRARY_SIGMA * rng.nextGaussian());
            drawer.draw(rng, one, expected, block);
            block.rowEnd[c] = block.size;
        }
        return new ReferenceCells(slide.geneNames(), slide.referenceTypeNames(), cellType, block);
    }

    /** Number of cells. */
    public int cells() {
        return cellType.length;
    }

    /** Number of genes (the slide's genes, same order). */
    public int genes() {
        return geneNames.size();
    }

    /** Reference type names (the slide's types without the missing ones). */
    public List<String> typeNames() {
        return typeNames;
    }

    /** Reference type index of {@code cell}. */
    public int type(int cell) {
        return cellType[cell];
    }

    /** Name of {@code cell} ({@code Cell00001}, ...). */
    public String cellName(int cell) {
        return cellNames.get(cell);
    }

    /** First entry of {@code cell}. */
    public int rowStart(int cell) {
        return cell == 0 ? 0 : data.rowEnd[cell - 1];
    }

    /** One past the last entry of {@code cell}. */
    public int rowEnd(int cell) {
        return data.rowEnd[cell];
    }

    /** Gene of entry {@code e} (ascending within a cell). */
    public int gene(int e) {
        return data.genes[e];
    }

    /** Count of entry {@code e} (at least 1). */
    public int count(int e) {
        return data.counts[e];
    }

    /**
     * Writes the cells as a MEX folder with {@code cell_types.csv}, each file through {@link AtomicOutput}.
     *
     * @throws IOException if a file cannot be written
     */
    public void writeMex(Path folder) throws IOException {
        Files.createDirectories(folder);
        int nnz = data.size;
        writeGzip(folder.resolve("matrix.mtx.gz"), w -> {
            w.write("%%MatrixMarket matrix coordinate integer general\n");
            w.write(genes() + " " + cells() + " " + nnz + "\n");
            for (int c = 0; c < cells(); c++) {
                String column = " " + (c + 1) + " ";
                for (int e = rowStart(c); e < rowEnd(c); e++) {
                    w.write(Integer.toString(gene(e) + 1));
                    w.write(column);
                    w.write(Integer.toString(count(e)));
                    w.write('\n');
                }
            }
        });
        writeGzip(folder.resolve("features.tsv.gz"), w -> {
            for (String g : geneNames) {
                w.write(g + "\t" + g + "\tGene Expression\n");
            }
        });
        writeGzip(folder.resolve("barcodes.tsv.gz"), w -> {
            for (int c = 0; c < cells(); c++) {
                w.write(cellName(c) + "\n");
            }
        });
        try (AtomicOutput out = AtomicOutput.create(folder.resolve("cell_types.csv"))) {
            try (BufferedWriter w = out.newWriter()) {
                w.write("cell,cell_type\n");
                for (int c = 0; c < cells(); c++) {
                    w.write(CsvWriter.field(cellName(c)) + "," + CsvWriter.field(typeNames.get(cellType[c])) + "\n");
                }
            }
            out.commit();
        }
    }

    /** Writes one text file. */
    @FunctionalInterface
    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void writeGzip(Path target, Body body) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(target)) {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(out.newOutputStream(), 1 << 16), StandardCharsets.UTF_8),
                    1 << 16)) {
                body.write(w);
            }
            out.commit();
        }
    }
}
