package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.io.json.JsonWriter;
import org.junit.jupiter.api.Test;

class StageLogTest {

    @Test
    void recordsStagesAndTheGapsAroundThemAndDelegates() {
        List<String> seen = new ArrayList<>();
        Progress inner = new Progress() {
            @Override
            public void start(String stage, long total) {
                seen.add("start " + stage + " " + total);
            }

            @Override
            public void advance(long units) {
                seen.add("advance " + units);
            }

            @Override
            public void sweep(int iteration, double relativeChange) {
                seen.add("sweep " + iteration);
            }

            @Override
            public void end() {
                seen.add("end");
            }
        };
        StageLog log = new StageLog(inner);
        log.start("gene statistics", 10);
        log.advance(10);
        log.end();
        log.start("solver", 5);
        log.sweep(1, 0.5);
        log.end();
        assertEquals(List.of("start gene statistics 10", "advance 10", "end", "start solver 5", "sweep 1", "end"),
                seen);

        JsonWriter j = new JsonWriter().beginObject();
        log.write(j);
        String json = j.endObject().toString();
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertEquals(List.of("startup", "gene statistics", "after gene statistics", "solver"), names);
        assertTrue(json.contains("\"start_epoch_ms\"") && json.contains("\"cpu_seconds\"")
                && json.contains("\"peak_heap_bytes\""), json);
        assertTrue(log.peakHeap() > 0, "the start-up phase used some heap");
    }
}
