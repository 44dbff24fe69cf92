package org.flashdeconv.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flashdeconv.cli.progress.ProgressBars;
import org.flashdeconv.io.plot.PlotOptions;
import org.flashdeconv.io.plot.ResultFolderReader;
import org.flashdeconv.io.plot.SlidePlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flashdeconv plot}: pictures of a result folder. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Draws a result folder (proportions.csv and coordinates.csv) as two PNG figures: a grid of spatial "
                + "maps, one per cell type (colour = proportion), and a map of the dominant type with a legend.",
            "Spots are squares on square lattices (Visium HD) and discs otherwise, sized to the spot spacing; "
                + "the y axis points down, as in tissue images. Millions of bins draw in seconds."},
        footer = {"", "Examples:", "  flashdeconv plot results/",
            "  flashdeconv plot results/ --types B_cell,T_CD4 --width 2400 \\",
            "      -o figures/lymph-node.png"})
final class PlotCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUTDIR", description = "The result folder.")
    private Path folder;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.png",
            description = "Base name of the figures: FILE_proportions.png and FILE_dominant.png "
                    + "(default: OUTDIR/proportions.png and OUTDIR/dominant.png).")
    private Path output;

    @Option(names = "--types", split = ",", paramLabel = "A,B,...",
            description = "Cell types to draw as panels, in this order (default: all).")
    private List<String> types;

    @Option(names = "--width", defaultValue = "1600", paramLabel = "PX",
            description = "Image width in pixels (default: ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--fixed-scale",
            description = "Colour every panel from 0 to 1 (default: 0 to each type's largest proportion).")
    private boolean fixedScale;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    private boolean quiet;

    @Override
    public Integer call() throws Exception {
        ResultFolderReader reader = ResultFolderReader.open(folder);
        Path name = folder.toAbsolutePath().normalize().getFileName();
        PlotOptions options = new PlotOptions(width, types == null ? List.of() : types, fixedScale,
                name == null ? "" : name.toString());
        Path proportions;
        Path dominant;
        if (output == null) {
            proportions = folder.resolve("proportions.png");
            dominant = folder.resolve("dominant.png");
        } else {
            String base = output.getFileName().toString().replaceFirst("(?i)\\.png$", "");
            proportions = output.resolveSibling(base + "_proportions.png");
            dominant = output.resolveSibling(base + "_dominant.png");
        }
        try (ProgressBars.Handle progress = ProgressBars.create(quiet)) {
            SlidePlots.write(reader, options, proportions, dominant, progress.listener());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(proportions);
        out.println(dominant);
        out.flush();
        return 0;
    }
}
