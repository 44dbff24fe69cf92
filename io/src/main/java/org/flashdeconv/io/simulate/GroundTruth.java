package org.flashdeconv.io.simulate;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.io.atomic.AtomicOutput;
import org.flashdeconv.io.json.JsonWriter;
import org.flashdeconv.io.text.CsvWriter;

/**
 * Writes what a simulated slide was drawn from, for benchmarks and accuracy tests.
 *
 * <ul>
 *   <li>{@code signatures.csv}: header {@code cell_type,<gene>,...}, one row per reference type (the slide's types
 *       without the missing ones) with its expected expression per gene in the reference, without platform
 *       effects (count scale: each row sums to 10,000).</li>
 *   <li>{@code truth_proportions.csv.gz}: header {@code barcode,<type>,...} (every type of the slide, missing ones
 *       included), one row per spot in spot order with the exact molecule (UMI) fractions the counts were drawn
 *       from (multiples of 1e-6 written with at most six decimals, so each row sums to exactly 1 in decimal).
 *       Blocks are compressed in parallel as concatenated gzip members (RFC 1952 allows several; {@code gzip -d},
 *       Python and {@link java.util.zip.GZIPInputStream} read them as one stream).</li>
 *   <li>{@code truth_cell_fractions.csv.gz}: the same layout with the cell fractions (identical to the molecule
 *       fractions unless the types have different cell sizes).</li>
 * </ul>
 * All are written through {@link AtomicOutput}.
 */
public final class GroundTruth {
    private static final int TRUTH_BLOCK = 1 << 15;

    private GroundTruth() {
    }

    /**
     * Writes the signatures CSV.
     *
     * @throws IOException if the file cannot be written
     */
    public static void writeSignatures(SimulatedSlide slide, Path target) throws IOException {
        int genes = slide.genes();
        List<String> types = slide.referenceTypeNames();
        try (AtomicOutput out = AtomicOutput.create(target)) {
            try (BufferedWriter w = out.newWriter()) {
                w.write("cell_type");
                for (String gene : slide.geneNames()) {
                    w.write(',');
                    w.write(CsvWriter.field(gene));
                }
                w.write('\n');
                for (int k = 0; k < types.size(); k++) {
                    w.write(CsvWriter.field(types.get(k)));
                    for (int g = 0; g < genes; g++) {
                        w.write(',');
                        w.write(Double.toString(slide.expression(k, g)));
                    }
                    w.write('\n');
                }
            }
            out.commit();
        }
    }

    /**
     * Writes the true molecule fractions as gzip-compressed CSV, generating blocks of spots on the slide's threads.
     *
     * @param progress receives one stage, "truth proportions", counted in spots
     * @throws IOException if the file cannot be written
     */
    public static void writeProportions(SimulatedSlide slide, Path target, Progress progress) throws IOException {
        write(slide, target, progress, "truth proportions", false);
    }

    /**
     * Writes the true cell fractions as gzip-compressed CSV (as {@link #writeProportions}).
     *
     * @param progress receives one stage, "truth cell fractions", counted in spots
     * @throws IOException if the file cannot be written
     */
    public static void writeCellFractions(SimulatedSlide slide, Path target, Progress progress) throws IOException {
        write(slide, target, progress, "truth cell fractions", true);
    }

    private static void write(SimulatedSlide slide, Path target, Progress progress, String stage, boolean cells)
            throws IOException {
        try (AtomicOutput out = AtomicOutput.create(target)) {
            try (OutputStream file = out.newOutputStream()) {
                StringBuilder header = new StringBuilder("barcode");
                for (String type : slide.typeNames()) {
                    CsvWriter.appendField(header.append(','), type);
                }
                file.write(gzip(header.append('\n').toString().getBytes(StandardCharsets.UTF_8)));
                progress.start(stage, slide.spots());
                OrderedBlocks.run(slide.spots(), TRUTH_BLOCK, slide.options().threads(),
                        () -> new TruthRows(slide, cells), TruthRows::compressed, block -> {
                            file.write(block.bytes());
                            progress.advance(block.spots());
                        });
                progress.end();
            }
            out.commit();
        }
    }

    /**
     * Writes {@code simulation.json}: the options and effects, each cell type with its mean molecules per cell and
     * whether the reference has it, and what each file holds (in particular which truth is in which units).
     *
     * @param referenceCells whether a single-cell reference folder {@code reference_cells/} is written
     * @throws IOException if the file cannot be written
     */
    public static void writeDescription(SimulatedSlide slide, Path target, boolean referenceCells)
            throws IOException {
        SimulationOptions o = slide.options();
        SlideEffects e = o.effects();
        JsonWriter json = new JsonWriter().beginObject()
                .field("spots", o.spots()).field("genes", o.genes()).field("types", o.types())
                .field("profile", o.profile().cliName()).field("seed", o.seed())
                .field("scenario", e.equals(SlideEffects.REALISTIC.withReferenceCells(e.referenceCells()))
                        ? "realistic" : e.equals(SlideEffects.CLEAN.withReferenceCells(e.referenceCells()))
                        ? "clean" : "custom");
        json.name("effects").beginObject().field("platform_sigma", e.platformSigma())
                .field("dispersion", e.dispersion()).field("depth_min", e.depthMin()).field("depth_max", e.depthMax())
                .field("missing_types", e.missingTypes()).field("cell_size_min", e.cellSizeMin())
                .field("cell_size_max", e.cellSizeMax()).field("reference_cells_per_type", e.referenceCells())
                .endObject();
        json.name("cell_types").beginArray();
        for (int k = 0; k < o.types(); k++) {
            json.beginObject().field("name", slide.typeNames().get(k))
                    .field("in_reference", k < o.referenceTypes())
                    .field("molecules_per_cell", slide.cellSize(k)).endObject();
        }
        json.endArray();
        json.name("files").beginObject()
                .field("slide.fdstore", "counts (spots x genes), with the platform effects and over-dispersion")
                .field("signatures.csv", "reference types x genes, expected molecules per 10,000, no platform effect")
                .field("truth_proportions.csv.gz", "molecule (UMI) fractions per spot, every slide type")
                .field("truth_cell_fractions.csv.gz", "cell fractions per spot, every slide type");
        if (referenceCells) {
            json.field("reference_cells/", "single-cell reference: MEX (genes x cells) and cell_types.csv");
        }
        json.endObject().endObject();
        try (AtomicOutput out = AtomicOutput.create(target)) {
            try (OutputStream file = out.newOutputStream()) {
                file.write((json + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.commit();
        }
    }

    /** One compressed block of rows. */
    private record Chunk(byte[] bytes, int spots) {
    }

    /** One thread's row formatter. */
    private static final class TruthRows {
        private final boolean cells;
        private final SpotSampler sampler;
        private final Barcodes barcodes;
        private final int types;
        private final int[] units;
        private final StringBuilder text = new StringBuilder(1 << 20);

        TruthRows(SimulatedSlide slide, boolean cells) {
            this.cells = cells;
            this.sampler = slide.newSampler();
            this.barcodes = slide.newBarcodes();
            this.types = slide.options().types();
            this.units = new int[types];
        }

        Chunk compressed(long first, int count) {
            text.setLength(0);
            for (long spot = first; spot < first + count; spot++) {
                TissueLayout.Mix mix = cells ? sampler.composition(spot) : sampler.moleculeComposition(spot);
                Arrays.fill(units, 0);
                for (int j = 0; j < mix.count; j++) {
                    units[mix.type[j]] = mix.units[j];
                }
                text.append(barcodes.of(spot));
                for (int k = 0; k < types; k++) {
                    text.append(',');
                    appendUnits(text, units[k]);
                }
                text.append('\n');
            }
            return new Chunk(gzip(text.toString().getBytes(StandardCharsets.UTF_8)), count);
        }
    }

    /** Appends {@code units} x 1e-6 exactly: "0", "1" or "0.xxxxxx" without trailing zeros. */
    static void appendUnits(StringBuilder sb, int units) {
        if (units == 0) {
            sb.append('0');
        } else if (units == TissueLayout.UNITS) {
            sb.append('1');
        } else {
            int digits = 6;
            while (units % 10 == 0) {
                units /= 10;
                digits--;
            }
            String s = Integer.toString(units);
            sb.append("0.").repeat('0', digits - s.length()).append(s);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return bytes.toByteArray();
    }
}
