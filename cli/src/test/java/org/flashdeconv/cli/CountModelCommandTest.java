package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.flashdeconv.io.testdata.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deconvolve --model counts} (the default): its files, summary members and the refusal of cell units without
 * cells; {@code --model flashdeconv} still gives the published model.
 */
class CountModelCommandTest {
    @TempDir
    Path dir;

    private Result run(String... extra) throws IOException {
        Path mex = DeconvolveCommandTest.writeTruthMex(dir.resolve("mex"));
        List<String> args = new java.util.ArrayList<>(List.of("deconvolve", "--spatial", mex.toString(), "--coords",
                mex.resolve("coordinates.csv").toString(), "--min-overlap", "5", "--quiet", "--model", "counts"));
        args.addAll(List.of(extra));
        return StoreCommandsTest.run(args.toArray(String[]::new));
    }

    @Test
    void writesQualityAndTheCountModelSummary() throws IOException {
        Result r = run("--reference", TestInputs.path("reference/signatures.csv").toString(), "-o",
                dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        List<String> quality = Files.readAllLines(dir.resolve("out/quality.csv"));
        assertEquals("barcode,deviance,deviance_per_count,unexplained_fraction,background_share,entropy,poor_fit,qc",
                quality.get(0));
        assertEquals(13, quality.size(), "a header and 12 spots");
        assertTrue(quality.stream().anyMatch(l -> l.endsWith(",,,,,,false,no_counts")), "the empty spot: no numbers");
        String summary = Files.readString(dir.resolve("out/summary.json"));
        assertTrue(summary.contains("\"model\": \"counts\""), summary);
        assertTrue(summary.contains("\"units\": \"molecules\""), summary);
        assertTrue(summary.contains("\"passes\": 3"), summary);
        assertTrue(summary.contains("\"reference_fit\""), summary);
        assertTrue(summary.contains("\"worst_explained_genes\""), summary);
        String header = Files.readAllLines(dir.resolve("out/proportions.csv")).get(0);
        assertTrue(header.startsWith("barcode,") && header.endsWith(",qc"), header);
        assertEquals(summary.contains("\"background_kept\": true"), header.contains(",background,"), header);
    }

    @Test
    void theCountModelIsTheDefaultAndFlashDeconvIsOneOptionAway() throws IOException {
        Path mex = DeconvolveCommandTest.writeTruthMex(dir.resolve("mex3"));
        for (String model : new String[] {null, "flashdeconv"}) {
            Path out = dir.resolve(model == null ? "default" : model);
            List<String> args = new java.util.ArrayList<>(List.of("deconvolve", "--spatial", mex.toString(),
                    "--coords", mex.resolve("coordinates.csv").toString(), "--min-overlap", "5", "--quiet",
                    "--reference", TestInputs.path("reference/signatures.csv").toString(), "-o", out.toString()));
            if (model != null) {
                args.addAll(List.of("--model", model));
            }
            Result r = StoreCommandsTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            String summary = Files.readString(out.resolve("summary.json"));
            assertEquals(model == null, summary.contains("\"model\": \"counts\""), summary);
            assertEquals(model != null, summary.contains("\"model\": \"flashdeconv\""), summary);
            assertEquals(model == null, Files.exists(out.resolve("quality.csv")));
            assertEquals(model == null, summary.contains("\"count_model\""), summary);
        }
        Result help = StoreCommandsTest.run("deconvolve", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("(default: counts)"), help.out());
    }

    @Test
    void cellUnitsNeedASingleCellReference() throws IOException {
        Result r = run("--reference", TestInputs.path("reference/signatures.csv").toString(), "-o",
                dir.resolve("cells").toString(), "--units", "cells");
        assertFalse(r.code() == 0);
        assertTrue(r.err().contains("--units cells") && r.err().contains("signatures CSV"), r.err());
        assertFalse(Files.exists(dir.resolve("cells/proportions.csv")));
    }

    @Test
    void cellUnitsNeedTheCountModel() throws IOException {
        Path mex = DeconvolveCommandTest.writeTruthMex(dir.resolve("mex2"));
        Result r = StoreCommandsTest.run("deconvolve", "--spatial", mex.toString(), "--coords",
                mex.resolve("coordinates.csv").toString(), "--min-overlap", "5", "--quiet", "--reference",
                TestInputs.path("reference/signatures.csv").toString(), "-o", dir.resolve("x").toString(),
                "--units", "cells", "--model", "flashdeconv");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("units cells needs model counts"), r.err());
    }
}
