package org.flashdeconv.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flashdeconv.cli.Main;
import org.flashdeconv.io.batch.SlideSummary;
import org.flashdeconv.io.parquet.ParquetColumn;
import org.flashdeconv.io.parquet.ParquetWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch on Spark {@code local[2]}: four small simulated slides, one broken. Each good slide's files equal
 * {@code deconvolve}'s bit for bit, the broken one is reported and not fatal, Spark reads the Parquet table back
 * with the same numbers as {@code proportions.csv} and {@code quality.csv} (the count model's background and
 * per-spot quality, with a boolean {@code poor_fit}), and a second run recomputes nothing. Spark also reads the
 * writer's boolean columns (required and optional) back bit for bit across a page boundary.
 */
class BatchAppTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("BatchAppTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void fourSlidesOneBrokenEqualDeconvolveAndTheTableReadsBack() throws IOException {
        for (int s = 1; s <= 3; s++) {
            cli("simulate", "-o", dir.resolve("sim/s" + s).toString(), "--spots", "400", "--genes", "300",
                    "--types", "4", "--profile", "hd8", "--seed", Integer.toString(s), "-q");
        }
        Files.writeString(dir.resolve("sim/broken.fdstore"), "not a store");
        Path manifest = Files.writeString(dir.resolve("sim/slides.csv"), "slide_id,spatial\ns1,s1/slide.fdstore\n"
                + "s2,s2/slide.fdstore\nbroken,broken.fdstore\ns3,s3/slide.fdstore\n");
        String signatures = dir.resolve("sim/s1/signatures.csv").toString();
        Path out = dir.resolve("out");
        String[] args = {"--manifest", manifest.toString(), "--reference", signatures, "--min-overlap", "50", "-o",
            out.toString()};
        StringWriter err = new StringWriter();
        StringWriter log = new StringWriter();
        assertEquals(1, BatchApp.run(spark, new PrintWriter(log), new PrintWriter(err, true), args), err.toString());
        assertTrue(err.toString().contains("slide broken: ") && err.toString().contains("broken.fdstore"),
                err.toString());
        List<String> rows = Files.readAllLines(out.resolve("summaries.csv"));
        assertEquals(5, rows.size());
        assertTrue(rows.get(3).startsWith("broken,,,,,,") && rows.get(3).contains(",failed,"), rows.get(3));
        for (String s : List.of("s1", "s2", "s3")) {
            assertTrue(rows.get(1 + List.of("s1", "s2", "broken", "s3").indexOf(s)).startsWith(s + ",400,300,"));
            cli("deconvolve", "--spatial", dir.resolve("sim/" + s + "/slide.fdstore").toString(), "--reference",
                    signatures, "--min-overlap", "50", "-o", dir.resolve("single/" + s).toString(), "-q");
            for (String f : List.of("proportions.csv", "abundances.csv", "dominant.csv", "coordinates.csv",
                    "quality.csv")) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("single/" + s).resolve(f)),
                        Files.readAllBytes(out.resolve(s).resolve(f)), s + "/" + f);
            }
        }
        assertFalse(Files.exists(out.resolve("proportions.parquet/slide_id=broken")));

        Dataset<Row> table = spark.read().parquet(out.resolve("proportions.parquet").toString());
        assertEquals(List.of("barcode", "x", "y", "B_cell", "T_CD4", "T_CD8", "NK", "background", "dominant", "qc",
                "deviance", "deviance_per_count", "unexplained_fraction", "background_share", "entropy", "poor_fit",
                "slide_id"), List.of(table.columns()));
        assertEquals("boolean", table.schema().apply("poor_fit").dataType().typeName());
        assertEquals(3 * 400, table.count(), "each slide once");
        for (String s : List.of("s1", "s2", "s3")) {
            assertSameAsTheResultFolder(table.where("slide_id = '" + s + "'").collectAsList(), out.resolve(s));
        }

        long before = Files.getLastModifiedTime(out.resolve("proportions.parquet/slide_id=s1/part-00000.parquet"))
                .toMillis();
        StringWriter again = new StringWriter();
        StringWriter againErr = new StringWriter();
        String[] withTol = Stream.concat(Arrays.stream(args), Stream.of(
                "--tol", "1e-6")).toArray(String[]::new);
        assertEquals(1, BatchApp.run(spark, new PrintWriter(again, true), new PrintWriter(againErr, true), withTol));
        assertEquals(1, againErr.toString().lines().filter(l -> l.equals("warning: --tol is an option of --model "
                + "flashdeconv and the count model (the default) ignores it; add --model flashdeconv to use it"))
                .count(), againErr.toString());
        assertTrue(again.toString().contains("4 slides, 3 ok (3 already complete), 1 failed"), again.toString());
        assertEquals(before, Files.getLastModifiedTime(
                out.resolve("proportions.parquet/slide_id=s1/part-00000.parquet")).toMillis());
        assertEquals(rows.subList(0, 3), Files.readAllLines(out.resolve("summaries.csv")).subList(0, 3));
        assertEquals(SlideSummary.HEADER, rows.getFirst());
    }

    @Test
    void booleanColumnsReadBackAcrossPagesWithNulls() throws IOException {
        // ParquetWriter's PLAIN booleans (one bit a value) for more rows than a page holds, required and optional
        long rows = ParquetWriter.ROWS_PER_PAGE + 1001;
        Path file = dir.resolve("flags.parquet");
        ParquetWriter.write(file, rows, List.of(
                new ParquetColumn.Doubles("i", false, i -> true, i -> i),
                new ParquetColumn.Booleans("every3", false, i -> true, i -> i % 3 == 0),
                new ParquetColumn.Booleans("odd", true, i -> i % 7 != 0,
                        i -> i % 2 == 1)), "test");
        List<Row> back = spark.read().parquet(file.toString()).orderBy("i").collectAsList();
        assertEquals(rows, back.size());
        for (Row r : back) {
            long i = (long) r.getDouble(0);
            assertEquals(i % 3 == 0, r.getBoolean(1), "row " + i);
            assertEquals(i % 7 == 0 ? null : i % 2 == 1, r.isNullAt(2) ? null : r.getBoolean(2), "row " + i);
        }
    }

    /** Each row equals its spot's rows of proportions.csv and quality.csv (empty fields are nulls). */
    private static void assertSameAsTheResultFolder(List<Row> rows, Path folder) throws IOException {
        Map<String, String[]> proportions = csv(folder.resolve("proportions.csv"));
        Map<String, String[]> quality = csv(folder.resolve("quality.csv"));
        List<String> header = List.of(proportions.get("barcode"));
        List<String> qualityHeader = List.of(quality.get("barcode"));
        assertEquals(400, rows.size());
        for (Row r : rows) {
            String barcode = r.getString(r.fieldIndex("barcode"));
            String[] p = proportions.get(barcode);
            for (String type : List.of("B_cell", "T_CD4", "T_CD8", "NK")) {
                assertEquals(number(p[header.indexOf(type)]), value(r, type), barcode + " " + type);
            }
            String qc = p[p.length - 1];
            assertEquals(qc, r.getString(r.fieldIndex("qc")), barcode);
            // the background column of proportions.csv when the slide kept one; else 0 (null without a result)
            Double background = header.contains("background") ? number(p[header.indexOf("background")])
                    : qc.equals("ok") ? Double.valueOf(0) : null;
            assertEquals(background, value(r, "background"), barcode + " background");
            String[] q = quality.get(barcode);
            for (String column : List.of("deviance", "deviance_per_count", "unexplained_fraction",
                    "background_share", "entropy")) {
                assertEquals(number(q[qualityHeader.indexOf(column)]), value(r, column), barcode + " " + column);
            }
            assertEquals(Boolean.valueOf(q[qualityHeader.indexOf("poor_fit")]),
                    r.getBoolean(r.fieldIndex("poor_fit")), barcode);
        }
    }

    /** A result CSV's rows by their first field (the header under "barcode"); no field of these holds a comma. */
    private static Map<String, String[]> csv(Path file) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(",", -1);
            rows.put(f[0], f);
        }
        return rows;
    }

    private static Double number(String field) {
        return field.isEmpty() ? null : Double.valueOf(field);
    }

    private static Double value(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : r.getDouble(i);
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertEquals(0, code, err.toString());
    }
}
