package org.flashdeconv.bench.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.flashdeconv.io.simulate.Profile;
import org.junit.jupiter.api.Test;

/** How the child's summary and the harness's /proc readings combine into phases and totals. */
class RunCombineTest {

    private static final long T0 = 1_000_000;

    /** Phases as the child writes them: start-up, two stages with a gap, a stage and its trailing gap. */
    private static final String SUMMARY = """
            {"n_iterations": 42, "converged": true, "stage_seconds": {"solver": 0.3},
             "phases": [
               {"name": "startup", "start_epoch_ms": 1000050, "wall_seconds": 0.95, "cpu_seconds": 1.5, "peak_heap_bytes": 100},
               {"name": "gene statistics", "start_epoch_ms": 1001000, "wall_seconds": 1.0, "cpu_seconds": 1.9, "peak_heap_bytes": 300},
               {"name": "after gene statistics", "start_epoch_ms": 1002000, "wall_seconds": 0.5, "cpu_seconds": 0.5, "peak_heap_bytes": 200},
               {"name": "solver", "start_epoch_ms": 1002500, "wall_seconds": 1.0, "cpu_seconds": 2.0, "peak_heap_bytes": 50},
               {"name": "after solver", "start_epoch_ms": 1003500, "wall_seconds": 0.01, "cpu_seconds": 0.0, "peak_heap_bytes": 70}
             ],
             "memory": {"peak_heap_bytes": 400, "peak_rss_bytes": 9000, "rss_anon_bytes": 10}}
            """;

    private static ProcReading reading(long dtMs, long rss, long anon, long ticks) {
        return new ProcReading(T0 + dtMs, rss, anon, rss - anon, ticks);
    }

    @SuppressWarnings("unchecked")
    private static RunResult combine() {
        List<ProcReading> readings = List.of(reading(0, 100, 50, 0), reading(500, 1000, 800, 80),
                reading(1500, 5000, 4000, 250), reading(2200, 3000, 2500, 340), reading(3000, 4000, 3900, 500),
                reading(3900, 4500, 3000, 620));
        Map<String, Object> summary = (Map<String, Object>) MiniJson.parse(SUMMARY);
        return ChildRun.combine("defaults", new SizeSpec("10k", 10_000, Profile.HD8), 290.5, summary, readings, T0,
                T0 + 4000);
    }

    @Test
    void phasesAreNamedFoldedAndMeasured() {
        RunResult r = combine();
        List<String> names = r.phases().stream().map(Phase::name).toList();
        assertEquals(List.of("startup", "gene statistics", "gene selection", "solver", "output"), names);
        Phase startup = r.phases().get(0);
        assertEquals(T0, startup.startMs(), "start-up begins when the harness started the process");
        assertEquals(1.0, startup.wallSeconds(), 1e-12);
        Phase stats = r.phases().get(1);
        assertEquals(1.9, stats.cpuSeconds(), 1e-12);
        assertEquals(300, stats.peakHeap());
        // readings at 1000500 (before), 1001500 (inside), 1002200 (first after the end)
        assertEquals(5000, stats.peakRss());
        assertEquals(4000, stats.peakRssAnon());
        Phase solver = r.phases().get(3);
        assertEquals(1.01, solver.wallSeconds(), 1e-12, "the trailing gap merges into the solver");
        assertEquals(70, solver.peakHeap());
        Phase output = r.phases().get(4);
        assertEquals(T0 + 3510, output.startMs());
        assertEquals(6.2 - (1.5 + 1.9 + 0.5 + 2.0 + 0.0), output.cpuSeconds(), 1e-9);
        assertEquals(-1, output.peakHeap());
    }

    @Test
    void totalsComeFromTheReadingsAndTheChildsReport() {
        RunResult r = combine();
        assertEquals(4.0, r.wallSeconds(), 1e-12);
        assertEquals(6.2, r.cpuSeconds(), 1e-12);
        assertEquals(1.55, r.cpuPerWall(), 1e-12);
        assertEquals(9000, r.peakRss(), "VmHWM from the child beats the sampled maximum");
        assertEquals(4000, r.peakRssAnon());
        assertEquals(1500, r.peakRssFile()); // 4500 - 3000 at the last reading
        assertEquals(400, r.peakHeap());
        assertEquals(42, r.iterations());
        assertTrue(r.converged());
    }

    @Test
    void reportHasALinePerStageAndTotalAndSlopesOverSizes() {
        RunResult a = combine();
        RunResult b = new RunResult("defaults", new SizeSpec("100k", 100_000, Profile.HD8), 291, 40, 78, 90_000,
                40_000, 1000, 4000, 40, true, a.phases());
        List<String> csv = ScalingReport.csvLines(List.of(a, b));
        assertEquals(ScalingReport.CSV_HEADER, csv.get(0));
        assertEquals(1 + 2 * 6, csv.size());
        assertTrue(csv.get(6).startsWith("defaults,hd8,10000,290.5,total,4.000,6.200,1.550,9000,4000,1500,400,42,"),
                csv.get(6));
        List<ScalingReport.Slope> slopes = ScalingReport.slopes(List.of(a, b));
        assertEquals(3, slopes.size());
        assertEquals(1.0, slopes.get(0).fit().slope(), 1e-12); // 4 s -> 40 s over 10x
        assertEquals(1.0, slopes.get(1).fit().slope(), 1e-12); // RssAnon 4000 -> 40000
        String md = ScalingReport.markdown(List.of(a, b), slopes);
        assertTrue(md.contains("| defaults | 10k | hd8 | 291 | 4.00 s | 6.20 s | 1.55 |"), md);
        assertTrue(md.contains("| defaults | all sizes (2 runs) | 1.00 | 1.00 |"), md);
    }

    @Test
    void csvReadsBackToTheSameFigures() {
        RunResult a = combine();
        List<String> csv = ScalingReport.csvLines(List.of(a));
        List<RunResult> back = ScalingReport.parseCsv(csv);
        assertEquals(csv, ScalingReport.csvLines(back));
        assertEquals(a.size(), back.get(0).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScalingReport.parseCsv(List.of(ScalingReport.CSV_HEADER, "defaults,hd8,1")));
        assertTrue(e.getMessage().contains("line 2: expected 14 fields, found 3"), e.getMessage());
    }

    @Test
    void sizesParseWithDefaultProfiles() {
        assertEquals(new SizeSpec("10k", 10_000, Profile.HD8), SizeSpec.parse("10k"));
        assertEquals(new SizeSpec("10m", 10_000_000, Profile.HD2), SizeSpec.parse(" 10M "));
        assertEquals(new SizeSpec("1m", 1_000_000, Profile.HD2), SizeSpec.parse("1m:hd2"));
        assertEquals(new SizeSpec("250000", 250_000, Profile.HD8), SizeSpec.parse("250000"));
        assertEquals("hd2-1m", SizeSpec.parse("1m:hd2").folder());
        assertThrows(IllegalArgumentException.class, () -> SizeSpec.parse("ten"));
        assertThrows(IllegalArgumentException.class, () -> SizeSpec.parse("0k"));
        assertThrows(IllegalArgumentException.class, () -> SizeSpec.parse("1m:hd3"));
    }

    @Test
    void jsonReaderHandlesTheSummaryShapes() {
        Object v = MiniJson.parse(" {\"a\": [1, -2.5e3, true, null, \"x\\\"y\\u00e9\"], \"b\": {}, \"c\": []} ");
        assertEquals(Map.of("a", java.util.Arrays.asList(1.0, -2500.0, true, null, "x\"yé"), "b", Map.of(),
                "c", List.of()), v);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\" 1}"));
        assertTrue(e.getMessage().contains("offset 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{} x"));
    }
}
