package org.flashdeconv.io.simulate;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.io.atomic.AtomicOutput;

/**
 * Writes what a simulated slide was drawn from, for benchmarks and accuracy tests.
 *
 * <ul>
 *   <li>{@code signatures.csv}: header {@code cell_type,<gene>,...}, one row per type with its expected expression
 *       per gene (count scale: each row sums to 10,000).</li>
 *   <li>{@code truth_proportions.csv.gz}: header {@code barcode,<type>,...}, one row per spot in spot order with
 *       the exact proportions (multiples of 1e-6 written with at most six decimals, so each row sums to exactly 1
 *       in decimal). Blocks are compressed in parallel as concatenated gzip members (RFC 1952 allows several;
 *       {@code gzip -d}, Python and {@link java.util.zip.GZIPInputStream} read them as one stream).</li>
 * </ul>
 * Both are written through {@link AtomicOutput}.
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
        List<String> types = slide.typeNames();
        try (AtomicOutput out = AtomicOutput.create(target)) {
            try (BufferedWriter w = Files.newBufferedWriter(out.temp(), StandardCharsets.UTF_8)) {
                w.write("cell_type");
                for (String gene : slide.geneNames()) {
                    w.write(',');
                    w.write(gene);
                }
                w.write('\n');
                for (int k = 0; k < types.size(); k++) {
                    w.write(types.get(k));
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
     * Writes the true proportions as gzip-compressed CSV, generating blocks of spots on the slide's threads.
     *
     * @param progress receives one stage, "truth proportions", counted in spots
     * @throws IOException if the file cannot be written
     */
    public static void writeProportions(SimulatedSlide slide, Path target, Progress progress) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(target)) {
            try (OutputStream file = Files.newOutputStream(out.temp())) {
                StringBuilder header = new StringBuilder("barcode");
                for (String type : slide.typeNames()) {
                    header.append(',').append(type);
                }
                file.write(gzip(header.append('\n').toString().getBytes(StandardCharsets.UTF_8)));
                progress.start("truth proportions", slide.spots());
                OrderedBlocks.run(slide.spots(), TRUTH_BLOCK, slide.options().threads(),
                        () -> new TruthRows(slide), TruthRows::compressed, block -> {
                            file.write(block.bytes());
                            progress.advance(block.spots());
                        });
                progress.end();
            }
            out.commit();
        }
    }

    /** One compressed block of rows. */
    private record Chunk(byte[] bytes, int spots) {
    }

    /** One thread's row formatter. */
    private static final class TruthRows {
        private final SimulatedSlide slide;
        private final SpotSampler sampler;
        private final Barcodes barcodes;
        private final int types;
        private final int[] units;
        private final StringBuilder text = new StringBuilder(1 << 20);

        TruthRows(SimulatedSlide slide) {
            this.slide = slide;
            this.sampler = slide.newSampler();
            this.barcodes = slide.newBarcodes();
            this.types = slide.options().types();
            this.units = new int[types];
        }

        Chunk compressed(long first, int count) {
            text.setLength(0);
            for (long spot = first; spot < first + count; spot++) {
                TissueLayout.Mix mix = sampler.composition(spot);
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
