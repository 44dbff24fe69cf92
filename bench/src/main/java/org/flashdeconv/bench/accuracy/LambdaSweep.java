package org.flashdeconv.bench.accuracy;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flashdeconv.engine.FitInput;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.FlashDeconv;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.engine.LambdaSpec;
import org.flashdeconv.engine.PreparedProblem;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.io.simulate.Profile;
import org.flashdeconv.io.simulate.SimulatedSlide;
import org.flashdeconv.io.simulate.SimulationOptions;
import org.flashdeconv.io.store.CountStore;
import org.flashdeconv.io.store.StoreConverter;

/**
 * Accuracy against the simulator's truth as λ grows, per platform profile: simulates a slide, prepares the
 * problem once, solves λ = auto and multiples of the auto value (each warm-started from the previous), and prints
 * RMSE and Pearson r of the proportions against the true ones as a Markdown table.
 *
 * <p>Usage: {@code LambdaSweep [spots=20000] [profiles=visium,hd16,hd8,hd2] [multiples=1,3,10,30,100,300]
 * [seed=7]}; the README's λ table comes from it.
 */
public final class LambdaSweep {
    private LambdaSweep() {
    }

    /** Runs the sweep; arguments as in the class comment, positional, all optional. */
    public static void main(String[] args) throws IOException {
        long spots = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        String[] profiles = (args.length > 1 ? args[1] : "visium,hd16,hd8,hd2").split(",");
        String[] multiples = (args.length > 2 ? args[2] : "1,3,10,30,100,300").split(",");
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 7;
        Path dir = Files.createTempDirectory("lambda-sweep");
        System.out.println("| profile | spots | lambda (x auto) | lambda | sweeps | RMSE | Pearson r |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String name : profiles) {
            Profile profile = Profile.parse(name);
            SimulationOptions so = SimulationOptions.of(spots, profile, seed);
            Path store = dir.resolve(name + ".fdstore");
            try (SimulatedSlide slide = new SimulatedSlide(so)) {
                StoreConverter.convert(slide, store, Progress.NONE);
                sweep(slide, store, multiples, name);
            } finally {
                Files.deleteIfExists(store);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static void sweep(SimulatedSlide slide, Path storePath, String[] multiples, String profile)
            throws IOException {
        int k = slide.typeNames().size();
        double[][] x = new double[k][slide.genes()];
        for (int t = 0; t < k; t++) {
            for (int g = 0; g < slide.genes(); g++) {
                x[t][g] = slide.expression(t, g);
            }
        }
        List<LambdaSpec> lambdas = new ArrayList<>();
        for (String m : multiples) {
            lambdas.add(LambdaSpec.autoTimes(Double.parseDouble(m)));
        }
        FlashDeconvOptions options = FlashDeconvOptions.builder().lambdas(lambdas).build();
        try (CountStore store = CountStore.open(storePath);
             PreparedProblem p = FlashDeconv.prepare(FitInput.of(store.csr(), x, store.coords().orElseThrow())
                     .withCellTypeNames(slide.typeNames()), options, Progress.NONE)) {
            List<String> rows = new ArrayList<>();
            p.solveEach(fit -> {
                double[] score = score(slide, fit);
                rows.add(String.format(Locale.ROOT, "| %s | %d | %s | %.4g | %d | %.4f | %.4f |", profile,
                        store.spots(), multiples[rows.size()], fit.lambdaUsed(), fit.info().iterations(), score[0],
                        score[1]));
            });
            rows.forEach(System.out::println);
        }
    }

    /** RMSE and Pearson r over all entries of spots with counts. */
    private static double[] score(SimulatedSlide slide, FitResult fit) {
        int k = fit.cellTypes();
        double[] truth = new double[k];
        MemorySegment p = fit.proportions();
        double se = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        long n = 0;
        for (long i = 0; i < fit.spots(); i++) {
            if (fit.hasNoCounts(i)) {
                continue;
            }
            slide.proportions(i, truth);
            for (int t = 0; t < k; t++) {
                double a = p.getAtIndex(Layouts.F64, i * k + t);
                double b = truth[t];
                se += (a - b) * (a - b);
                sx += a;
                sy += b;
                sxx += a * a;
                syy += b * b;
                sxy += a * b;
                n++;
            }
        }
        double cov = sxy / n - (sx / n) * (sy / n);
        double r = cov / Math.sqrt((sxx / n - (sx / n) * (sx / n)) * (syy / n - (sy / n) * (sy / n)));
        return new double[] {Math.sqrt(se / n), r};
    }
}
