package org.flashdeconv.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.flashdeconv.io.reference.LoadedReference;
import org.flashdeconv.io.reference.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits by rename (a second attempt replaces, never adds) and the broadcast form of the reference. */
class HadoopFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSecondCommitOfTheSamePartReplacesItAndLeavesNoTemporary() throws IOException {
        Configuration conf = new Configuration(false);
        Path first = Files.writeString(dir.resolve("a"), "first attempt");
        Path second = Files.writeString(dir.resolve("b"), "second attempt");
        var target = new org.apache.hadoop.fs.Path(dir.resolve("table/slide_id=s1/part-00000.parquet").toUri());
        HadoopFiles.commit(first, target, conf);
        HadoopFiles.commit(second, target, conf);
        try (Stream<Path> files = Files.list(dir.resolve("table/slide_id=s1"))) {
            assertEquals(List.of("part-00000.parquet"), files.map(p -> p.getFileName().toString()).toList(),
                    "one file, no .crc, no temporary");
        }
        assertEquals("second attempt", Files.readString(dir.resolve("table/slide_id=s1/part-00000.parquet")));
        assertEquals(List.of("part-00000.parquet"),
                HadoopFiles.list(new org.apache.hadoop.fs.Path(dir.resolve("table/slide_id=s1").toUri()), conf));
    }

    @Test
    void theReferenceSurvivesTheBroadcastBytes() {
        LoadedReference ref = new LoadedReference(new Reference(List.of("B", "T é"), List.of("G1", "G2", "G3"),
                List.of("E1", "E2", "E3"), new double[][] {{0, 1.5, Double.MIN_VALUE}, {3, -0.0, 7e300}},
                new long[] {10, 20}), List.of("types left out: rare (3 cells)"));
        LoadedReference back = ReferenceCodec.decode(ReferenceCodec.encode(ref));
        assertEquals(ref.reference().cellTypes(), back.reference().cellTypes());
        assertEquals(ref.reference().geneNames(), back.reference().geneNames());
        assertEquals(ref.reference().geneIds(), back.reference().geneIds());
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(ref.reference().signatures()[k], back.reference().signatures()[k]);
        }
        assertArrayEquals(ref.reference().cellCounts(), back.reference().cellCounts());
        assertEquals(ref.warnings(), back.warnings());
    }
}
