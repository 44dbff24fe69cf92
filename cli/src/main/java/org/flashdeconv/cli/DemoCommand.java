package org.flashdeconv.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flashdeconv demo}: the whole pipeline on the bundled real data (Visium human lymph node, 1000 spots,
 * with an 11-type single-cell reference), pictures included. Needs no argument and no download.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs the whole pipeline on bundled real data: 1000 Visium spots of a human lymph node and a "
                + "single-cell reference of 11 cell types (330 cells), from the spacexr examples (GPL-3).",
            "Writes the inputs, the result files and two pictures (proportions.png, dominant.png) into OUTDIR."},
        footer = {"", "Example:", "  flashdeconv demo", "  flashdeconv demo -o /tmp/demo --threads 2"})
final class DemoCommand implements Callable<Integer> {
    private static final String RESOURCES = "/org/flashdeconv/cli/demo/";
    private static final List<String> SPATIAL = List.of("matrix.mtx.gz", "features.tsv.gz", "barcodes.tsv.gz",
            "coordinates.csv.gz");
    private static final List<String> REFERENCE = List.of("matrix.mtx.gz", "features.tsv.gz", "barcodes.tsv.gz",
            "cell_types.csv.gz");

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "flashdeconv-demo", paramLabel = "OUTDIR",
            description = "Folder for the inputs and results (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    private Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path spatial = extract("visium_lymphnode", SPATIAL);
        Path reference = extract("visium_lymphnode_reference", REFERENCE);
        extractFile("README.txt", output.resolve("input").resolve("README.txt"));
        Path results = output.resolve("results");
        out.println("FlashDeconv demo: Visium human lymph node (1000 spots) with an 11-type single-cell reference");
        out.println("inputs: " + output.resolve("input"));
        out.flush();
        List<String> args = new ArrayList<>(List.of("deconvolve",
                "--spatial", spatial.toString(), "--coords", spatial.resolve("coordinates.csv.gz").toString(),
                "--reference", reference.toString(), "--cell-types", reference.resolve("cell_types.csv.gz").toString(),
                "-o", results.toString(), "--plot"));
        if (threads != null) {
            args.addAll(List.of("--threads", threads.toString()));
        }
        if (quiet) {
            args.add("--quiet");
        }
        CommandLine parent = spec.commandLine().getParent();
        int code = parent.execute(args.toArray(String[]::new));
        if (code != 0) {
            return code;
        }
        out.println("pictures: " + results.resolve("proportions.png") + " and " + results.resolve("dominant.png"));
        out.println("tables:   " + results.resolve("proportions.csv") + " (and abundances.csv, dominant.csv, "
                + (Files.exists(results.resolve("quality.csv")) ? "quality.csv, " : "") + "summary.json)");
        out.flush();
        return 0;
    }

    private Path extract(String name, List<String> files) throws IOException {
        Path dir = output.resolve("input").resolve(name);
        for (String f : files) {
            extractFile(name + "/" + f, dir.resolve(f));
        }
        return dir;
    }

    private static void extractFile(String resource, Path target) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new IOException("the demo data " + resource + " is missing from this build; rebuild with "
                        + "'./mvnw -pl cli -am package'");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
