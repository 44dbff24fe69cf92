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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flashdeconv.cli.Main;
import org.flashdeconv.io.batch.SlideSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch on Spark {@code local[2]}: four small simulated slides, one broken. Each good slide's files equal
 * {@code deconvolve}'s bit for bit, the broken one is reported and not fatal, Spark reads the Parquet table back
 * with the same numbers as {@code proportions.csv}, and a second run recomputes nothing.
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
            for (String f : List.of("proportions.csv", "abundances.csv", "dominant.csv", "coordinates.csv")) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("single/" + s).resolve(f)),
                        Files.readAllBytes(out.resolve(s).resolve(f)), s + "/" + f);
            }
        }
        assertFalse(Files.exists(out.resolve("proportions.parquet/slide_id=broken")));

        Dataset<Row> table = spark.read().parquet(out.resolve("proportions.parquet").toString());
        assertEquals(List.of("barcode", "x", "y", "B_cell", "T_CD4", "T_CD8", "NK", "dominant", "qc", "slide_id"),
                List.of(table.columns()));
        assertEquals(3 * 400, table.count(), "each slide once");
        Map<String, String> csv = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("s2/proportions.csv")).subList(1, 401)) {
            csv.put(line.substring(0, line.indexOf(',')), line.substring(line.indexOf(',') + 1));
        }
        List<Row> s2 = table.where("slide_id = 's2'").collectAsList();
        assertEquals(400, s2.size());
        for (Row r : s2) {
            String[] f = csv.get(r.getString(0)).split(",", -1);
            for (int k = 0; k < 4; k++) {
                assertEquals(f[k].isEmpty() ? null : Double.valueOf(f[k]), r.isNullAt(3 + k) ? null : r.getDouble(3 + k),
                        r.getString(0));
            }
            assertEquals(f[f.length - 1], r.getString(8), "qc (after a background column when kept)");
        }

        long before = Files.getLastModifiedTime(out.resolve("proportions.parquet/slide_id=s1/part-00000.parquet"))
                .toMillis();
        StringWriter again = new StringWriter();
        assertEquals(1, BatchApp.run(spark, new PrintWriter(again, true), new PrintWriter(new StringWriter()), args));
        assertTrue(again.toString().contains("4 slides, 3 ok (3 already complete), 1 failed"), again.toString());
        assertEquals(before, Files.getLastModifiedTime(
                out.resolve("proportions.parquet/slide_id=s1/part-00000.parquet")).toMillis());
        assertEquals(rows.subList(0, 3), Files.readAllLines(out.resolve("summaries.csv")).subList(0, 3));
        assertEquals(SlideSummary.HEADER, rows.getFirst());
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertEquals(0, code, err.toString());
    }
}
