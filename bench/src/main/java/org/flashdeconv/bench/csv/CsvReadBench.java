package org.flashdeconv.bench.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.flashdeconv.bench.jmh.JmhDefaults;
import org.flashdeconv.io.text.CsvReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads a coordinates CSV as {@code --coords} does ({@code barcode,x,y}: the barcode as a String, x and y as
 * doubles) with the project's {@link CsvReader} and with three well-kept libraries: Apache commons-csv, FastCSV
 * and jackson-dataformat-csv (the libraries split fields; {@link Double#parseDouble} turns the text into numbers,
 * as a caller of theirs would). The file has Visium HD-like barcodes and pixel coordinates with six decimals,
 * written once per trial into a temporary folder. Each benchmark returns a checksum so nothing is optimised away;
 * set-up checks that all four agree.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class CsvReadBench extends JmhDefaults {
    @Param("1000000")
    public int rows;

    private Path dir;
    private Path csv;

    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Files.createTempDirectory("csvbench");
        csv = dir.resolve("coordinates.csv");
        SplittableRandom rng = new SplittableRandom(1);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("barcode,x,y\n");
            for (int i = 0; i < rows; i++) {
                w.write(String.format(Locale.ROOT, "s_008um_%05d_%05d-1,%.6f,%.6f%n", i / 1000, i % 1000,
                        rng.nextDouble() * 25000, rng.nextDouble() * 25000));
            }
        }
        double expected = flashdeconv();
        for (double other : new double[] {commonsCsv(), fastCsv(), jackson()}) {
            if (other != expected) {
                throw new IllegalStateException("readers disagree: " + other + " vs " + expected);
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public double flashdeconv() throws IOException {
        double sum = 0;
        try (CsvReader r = CsvReader.open(csv)) {
            r.next();
            while (r.next()) {
                sum += r.field(0).length() + r.number(1, "x") + r.number(2, "y");
            }
        }
        return sum;
    }

    @Benchmark
    public double commonsCsv() throws IOException {
        double sum = 0;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord rec : p) {
                sum += rec.get(0).length() + Double.parseDouble(rec.get(1)) + Double.parseDouble(rec.get(2));
            }
        }
        return sum;
    }

    @Benchmark
    public double fastCsv() throws IOException {
        double sum = 0;
        try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> r = de.siegmar.fastcsv.reader.CsvReader.builder()
                .ofCsvRecord(csv)) {
            boolean header = true;
            for (CsvRecord rec : r) {
                if (header) {
                    header = false;
                    continue;
                }
                sum += rec.getField(0).length() + Double.parseDouble(rec.getField(1))
                        + Double.parseDouble(rec.getField(2));
            }
        }
        return sum;
    }

    @Benchmark
    public double jackson() throws IOException {
        double sum = 0;
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(in)) {
            boolean header = true;
            while (it.hasNext()) {
                String[] rec = it.next();
                if (header) {
                    header = false;
                    continue;
                }
                sum += rec[0].length() + Double.parseDouble(rec[1]) + Double.parseDouble(rec[2]);
            }
        }
        return sum;
    }
}
