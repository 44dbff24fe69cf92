package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.flashdeconv.io.simulate.Profile;
import org.flashdeconv.io.simulate.SimulatedSlide;
import org.flashdeconv.io.simulate.SimulationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlotCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    /** A result folder holding a simulated slide's true proportions. */
    private static Path resultFolder(Path dir) throws IOException {
        Path folder = dir.resolve("result");
        Files.createDirectories(folder);
        SimulatedSlide slide = new SimulatedSlide(new SimulationOptions(900, 50, 4, Profile.HD16, 1, 1));
        double[] p = new double[4];
        try (BufferedWriter prop = Files.newBufferedWriter(folder.resolve("proportions.csv"));
             BufferedWriter coord = Files.newBufferedWriter(folder.resolve("coordinates.csv"))) {
            prop.write("barcode," + String.join(",", slide.typeNames()) + ",qc\n");
            coord.write("barcode,x,y\n");
            for (long i = 0; i < 900; i++) {
                slide.proportions(i, p);
                prop.write(slide.barcode(i) + "," + p[0] + "," + p[1] + "," + p[2] + "," + p[3] + ",ok\n");
                coord.write(slide.barcode(i) + "," + slide.x(i) + "," + slide.y(i) + "\n");
            }
        }
        return folder;
    }

    @Test
    void writesBothFiguresIntoTheFolder(@TempDir Path dir) throws IOException {
        Path folder = resultFolder(dir);
        assertEquals(0, run("plot", folder.toString(), "--width", "800", "-q"), err.toString());
        Path proportions = folder.resolve("proportions.png");
        Path dominant = folder.resolve("dominant.png");
        assertEquals(proportions + System.lineSeparator() + dominant + System.lineSeparator(), out.toString());
        BufferedImage image = ImageIO.read(proportions.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(800, ImageIO.read(dominant.toFile()).getWidth());
    }

    @Test
    void outputBaseNameAndTypeFilter(@TempDir Path dir) throws IOException {
        Path folder = resultFolder(dir);
        Path base = dir.resolve("figs").resolve("slide.png");
        assertEquals(0, run("plot", folder.toString(), "-o", base.toString(), "--types", "NK,B_cell", "-q"),
                err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("figs/slide_proportions.png")));
        assertTrue(Files.isRegularFile(dir.resolve("figs/slide_dominant.png")));
        assertEquals(1600, ImageIO.read(dir.resolve("figs/slide_proportions.png").toFile()).getWidth());
        assertFalse(Files.exists(folder.resolve("proportions.png")));
    }

    @Test
    void unknownTypeOrMissingFolderFails(@TempDir Path dir) throws IOException {
        Path folder = resultFolder(dir);
        assertTrue(run("plot", folder.toString(), "--types", "Neuron", "-q") != 0);
        assertTrue(err.toString().contains("unknown cell type 'Neuron'"), err.toString());
        assertTrue(run("plot", dir.resolve("missing").toString(), "-q") != 0);
        assertTrue(err.toString().contains("no such result folder"), err.toString());
        Files.delete(folder.resolve("coordinates.csv"));
        assertTrue(run("plot", folder.toString(), "-q") != 0);
        assertTrue(err.toString().contains("coordinates.csv"), err.toString());
        assertEquals(2, run("plot", folder.toString(), "--width", "wide"), "a malformed option is a usage error");
    }
}
