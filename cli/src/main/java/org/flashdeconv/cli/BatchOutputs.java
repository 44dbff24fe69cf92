package org.flashdeconv.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flashdeconv.io.atomic.InputCollision;
import org.flashdeconv.io.batch.Manifest;

/**
 * The checks that a batch's outputs cannot replace or mix with its inputs, made before any slide runs (paths compared
 * after symbolic links, as for {@code deconvolve}): the output folder is not an input nor inside an input folder;
 * no slide's result folder (replaced whole by its run) and no shared output ({@code summaries.csv}, the table, the
 * completion markers) is or holds an input of any slide, the manifest or the reference.
 */
final class BatchOutputs {
    private BatchOutputs() {
    }

    /**
     * Refuses outputs that would replace or sit inside an input.
     *
     * @param manifestFile the manifest
     * @param slides       its slides
     * @param base         the folder the manifest's relative paths start from
     * @param reference    the reference input
     * @param outDir       the output folder
     * @param shared       the names of the outputs in {@code outDir} that every slide shares
     * @throws IllegalArgumentException naming the output, the input and (for a slide) its manifest line
     */
    static void requireApart(Path manifestFile, Manifest slides, Path base, ReferenceInput reference, Path outDir,
                             List<String> shared) {
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("--manifest", manifestFile);
        inputs.put("--reference", reference.path);
        inputs.put("--cell-types", reference.cellTypes);
        for (Manifest.Slide s : slides.slides()) {
            String at = " (slide " + s.id() + ", manifest line " + s.line() + ")";
            inputs.put("spatial" + at, Manifest.resolve(base, s.spatial()));
            if (s.coords() != null) {
                inputs.put("coords" + at, Manifest.resolve(base, s.coords()));
            }
        }
        InputCollision.requireOutsideInputs("-o", outDir, inputs);
        for (String name : shared) {
            InputCollision.requireHoldsNoInput("-o", outDir.resolve(name), inputs);
        }
        for (Manifest.Slide s : slides.slides()) {
            InputCollision.requireHoldsNoInput("-o", outDir.resolve(s.id()), inputs);
        }
    }
}
