package org.flashdeconv.io.plot;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.io.atomic.AtomicOutput;
import org.flashdeconv.io.atomic.NamedChannel;

/**
 * Draws a deconvolution result as two PNG figures: a grid of per-type proportion maps and a map of the dominant
 * type. Rendering streams the table three times (bounds, spacing, pixels) and rasterises spots straight into
 * fixed-size pixel accumulators, so memory depends on the image size only and ten million spots draw in seconds.
 * Java 2D runs headless.
 *
 * <pre>{@code
 * SpotTable table = ResultFolderReader.open(folder);
 * SlidePlots.write(table, PlotOptions.defaults(folder.getFileName().toString()),
 *         folder.resolve("proportions.png"), folder.resolve("dominant.png"));
 * }</pre>
 */
public final class SlidePlots {
    private static final long PROGRESS_MASK = (1 << 16) - 1;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** The two figures. */
    public record Images(BufferedImage proportions, BufferedImage dominant) {
    }

    private SlidePlots() {
    }

    /**
     * Renders both figures.
     *
     * @throws IllegalArgumentException if a requested type is not in the table, or no spot has finite coordinates
     * @throws IOException              as thrown by the table
     */
    public static Images render(SpotTable table, PlotOptions options) throws IOException {
        return render(table, options, Progress.NONE);
    }

    /**
     * Renders both figures, reporting two stages to {@code progress}: "plot: measuring" (the coordinate passes)
     * and "plot: drawing", counted in spots.
     *
     * @throws IllegalArgumentException if a requested type is not in the table, or no spot has finite coordinates
     * @throws IOException              as thrown by the table
     */
    public static Images render(SpotTable table, PlotOptions options, Progress progress) throws IOException {
        Rendering r = rasterise(table, options, progress);
        return new Images(r.grid.draw(r.geometry.spots()), r.dominant.draw(r.geometry.spots()));
    }

    /**
     * Renders both figures and writes them as PNG files (each through {@link AtomicOutput}).
     *
     * @throws IllegalArgumentException as {@link #render}
     * @throws IOException              as thrown by the table, or if a file cannot be written
     */
    public static void write(SpotTable table, PlotOptions options, Path proportionsPng, Path dominantPng)
            throws IOException {
        write(table, options, proportionsPng, dominantPng, Progress.NONE);
    }

    /**
     * As {@link #write(SpotTable, PlotOptions, Path, Path)}, reporting progress as {@link #render(SpotTable,
     * PlotOptions, Progress)} does.
     *
     * @throws IllegalArgumentException as {@link #render}
     * @throws IOException              as thrown by the table, or if a file cannot be written
     */
    public static void write(SpotTable table, PlotOptions options, Path proportionsPng, Path dominantPng,
                             Progress progress) throws IOException {
        Images images = render(table, options, progress);
        writePng(images.proportions(), proportionsPng);
        writePng(images.dominant(), dominantPng);
    }

    /** Writes one image as PNG, atomically. */
    static void writePng(BufferedImage image, Path target) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(target)) {
            try (OutputStream o = new BufferedOutputStream(NamedChannel.newOutputStream(out.temp(), target))) {
                if (!ImageIO.write(image, "png", o)) {
                    throw new IOException(target + ": no PNG writer available in this Java runtime");
                }
            } catch (IIOException e) {
                // ImageIO's "I/O error writing PNG file!" around the stream's own error, which names the file
                throw e.getCause() instanceof IOException cause ? cause : NamedChannel.named(target, e);
            }
            out.commit();
        }
    }

    /** The accumulated figures before drawing (tests inspect their layout). */
    record Rendering(SlideGeometry geometry, ProportionGrid grid, DominantMap dominant) {
    }

    static Rendering rasterise(SpotTable table, PlotOptions options) throws IOException {
        return rasterise(table, options, Progress.NONE);
    }

    private static Rendering rasterise(SpotTable table, PlotOptions options, Progress progress) throws IOException {
        List<String> names = table.typeNames();
        int[] selected = select(options.types(), names);
        progress.start("plot: measuring", -1);
        SlideGeometry geometry = SlideGeometry.measure(table);
        progress.end();
        progress.start("plot: drawing", geometry.spots());
        ProportionGrid grid = new ProportionGrid(geometry, selected, names, options);
        DominantMap dominant = new DominantMap(geometry, names, options);
        int k = names.size();
        table.forEachSpot((spot, x, y, p) -> {
            int best = 0;
            boolean noResult = false;
            for (int t = 0; t < k; t++) {
                double v = p[t];
                if (Double.isNaN(v)) {
                    noResult = true;
                } else if (v > p[best]) {
                    best = t;
                }
            }
            grid.add(x, y, p, noResult);
            dominant.add(x, y, noResult ? -1 : best);
            if ((spot & PROGRESS_MASK) == PROGRESS_MASK) {
                progress.advance(PROGRESS_MASK + 1);
            }
        });
        progress.end();
        return new Rendering(geometry, grid, dominant);
    }

    private static int[] select(List<String> requested, List<String> names) {
        if (requested.isEmpty()) {
            return IntStream.range(0, names.size()).toArray();
        }
        List<Integer> out = new ArrayList<>();
        for (String type : requested) {
            int index = names.indexOf(type);
            if (index < 0) {
                throw new IllegalArgumentException("unknown cell type '" + type + "' in the types to plot; the result has: "
                        + String.join(", ", names));
            }
            out.add(index);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
