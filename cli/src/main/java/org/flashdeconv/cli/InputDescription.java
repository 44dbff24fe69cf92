package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.flashdeconv.io.h5.H5File;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.CountSources;
import org.flashdeconv.io.spaceranger.SpaceRangerSource;

/**
 * What {@code info} says about an input that is not a store: what kind of file or folder it is, its shape when
 * it can be read, and the commands to run on it.
 */
final class InputDescription {
    private InputDescription() {
    }

    /**
     * Describes {@code path} in a few lines.
     *
     * @throws IOException if it cannot be inspected
     */
    static List<String> of(Path path) throws IOException {
        List<String> lines = new ArrayList<>();
        String kind = kind(path);
        lines.add("input        " + path + ": " + kind);
        if (kind.startsWith("not ")) {
            lines.add("expected     a .fdstore made by 'flashdeconv convert', a Space Ranger outs/ folder, an AnnData "
                    + ".h5ad, a 10x .h5, a MEX folder or a .mtx file");
            return lines;
        }
        try (CountSource s = CountSources.open(path, CountSources.ReadOptions.DEFAULT)) {
            lines.add(String.format(Locale.ROOT, "shape        %d spots x %d genes", s.spots(), s.genes()));
            lines.add("coordinates  " + (s.coordinates().isPresent() ? s.coordinates().get().dim() + "-D"
                    : "none (give --coords FILE to convert or deconvolve)"));
        } catch (IOException | RuntimeException e) {
            lines.add("cannot read   " + ErrorHandler.describe(e));
        }
        String name = path.getFileName() == null ? "slide" : path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        lines.add("next         flashdeconv convert " + path + " -o " + name + ".fdstore   (once, then fast reruns)");
        lines.add("             flashdeconv deconvolve --spatial " + path + " --reference REF -o results/");
        return lines;
    }

    private static String kind(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (Files.isDirectory(path.resolve("binned_outputs"))
                    || Files.isDirectory(path.resolve("outs").resolve("binned_outputs"))) {
                Path binned = Files.isDirectory(path.resolve("binned_outputs")) ? path.resolve("binned_outputs")
                        : path.resolve("outs").resolve("binned_outputs");
                try (Stream<Path> s = Files.list(binned)) {
                    return "a Space Ranger Visium HD output with bins " + s.map(p -> p.getFileName().toString())
                            .sorted().toList() + " (choose with --bin-size; default 8)";
                }
            }
            if (SpaceRangerSource.isSpaceRanger(path)) {
                return "a Space Ranger output folder";
            }
            if (Files.isRegularFile(path.resolve("matrix.mtx")) || Files.isRegularFile(path.resolve("matrix.mtx.gz"))) {
                return "a MEX folder (matrix.mtx, features.tsv, barcodes.tsv)";
            }
            return "not a recognised input folder";
        }
        if (H5File.isHdf5(path)) {
            try (H5File f = H5File.open(path)) {
                if (f.find("X").isPresent() || f.find("obs").isPresent()) {
                    return "an AnnData file";
                }
                if (f.find("matrix").isPresent()) {
                    return "a 10x feature-barcode matrix (.h5)";
                }
            }
            return "not AnnData nor a 10x matrix (an HDF5 file without X or matrix)";
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mtx") || name.endsWith(".mtx.gz")) {
            return "a Matrix Market file (no barcodes or genes; give --coords to place its spots)";
        }
        return "not a store nor a recognised input";
    }
}
