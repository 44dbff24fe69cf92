package org.flashdeconv.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyBenchTest {

    /** The rows of every Markdown table: cells without the outer pipes, header rows and rules dropped. */
    private static List<List<String>> tables(String markdown, List<String> headers) {
        List<List<String>> rows = new ArrayList<>();
        int columns = -1;
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|")) {
                columns = -1;
                continue;
            }
            assertTrue(line.endsWith("|"), line);
            List<String> cells = List.of(line.substring(1, line.length() - 1).split("\\|", -1)).stream()
                    .map(String::trim).toList();
            if (columns < 0) {
                columns = cells.size();
                headers.add(String.join(",", cells));
            } else {
                assertEquals(columns, cells.size(), "ragged row: " + line);
                if (!cells.get(0).startsWith("---")) {
                    rows.add(cells);
                }
            }
        }
        return rows;
    }

    @Test
    void quickRunPrintsParsableTablesAndTheOracleScoresPerfectly(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("tables.md");
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--profiles", "hd8,visium", "--spots",
            "300", "--genes", "600", "--pseudo-spots", "120", "--seeds", "1,2", "--methods", "oracle,nnls",
            "--out", out.toString(), "--work", dir.toString()});
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String tables = AccuracyBench.run(options, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(tables, Files.readString(out));
        List<String> headers = new ArrayList<>();
        List<List<String>> rows = tables(tables, headers);
        assertEquals(4, headers.size(), "headline, cell fractions, missing types, per seed:\n" + tables);
        int oracleRows = 0;
        for (List<String> row : rows) {
            for (String cell : row.subList(1, row.size())) {
                if (cell.matches("-?[0-9.]+")) {
                    assertTrue(Double.isFinite(Double.parseDouble(cell)), cell);
                }
            }
            boolean headlineRow = row.size() == 10;
            boolean complete = row.get(2).matches("(\\d+)/\\1");
            if (headlineRow && row.get(4).equals("oracle") && complete && !row.get(3).equals("cells")) {
                assertEquals("0.0000", row.get(5), row.toString());
                assertEquals("1.000", row.get(6), row.toString());
                assertEquals("0.0000", row.get(7), row.toString());
                oracleRows++;
            }
        }
        assertEquals(5, oracleRows, "hd8 and visium clean, merfish-9types, two pseudo-spot sets:\n" + tables);
        // the scoring that reproduces the figures reported for MERFISH with one type missing (plain NNLS: 0.783)
        List<String> merfish = rows.stream().filter(r -> r.size() == 10 && r.get(0).equals("merfish-8types")
                && r.get(4).equals("nnls")).findFirst().orElseThrow();
        assertEquals("0.1311", merfish.get(5));
        assertEquals("0.783", merfish.get(6));
        assertTrue(tables.contains("| hd8 realistic (2 seeds) | 300 | 11/12 | molecules | nnls |"), tables);
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().startsWith("accuracy-bench")),
                "the work folder is removed");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("merfish-9types"));
    }

    @Test
    void badOptionsAreRejectedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--methods",
            "magic"})).getMessage().contains("magic"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--sets",
            "sim,real"})).getMessage().contains("real"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--spots",
            "0"})).getMessage().contains("--spots"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--methods",
            "java.lang.String"})).getMessage().contains("does not implement"));
        assertEquals("nnls-weighted", Methods.byName("nnls-weighted").name());
    }
}
