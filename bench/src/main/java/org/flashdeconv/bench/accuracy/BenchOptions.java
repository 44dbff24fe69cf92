package org.flashdeconv.bench.accuracy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flashdeconv.io.simulate.Profile;
import org.flashdeconv.io.simulate.SlideEffects;

/**
 * The accuracy benchmark's options (see {@link AccuracyBench} for the command line).
 *
 * @param sets        families to run: {@code sim}, {@code merfish}, {@code pseudo}
 * @param profiles    simulated platform profiles
 * @param scenarios   simulated scenarios ({@code clean}, {@code realistic})
 * @param spots       spots per simulated slide
 * @param genes       genes per simulated slide
 * @param pseudoSpots spots per pseudo-spot set
 * @param seeds       seeds of the simulated and pseudo-spot sets (figures are means over them)
 * @param methods     method names or class names
 * @param out         also write the tables to this file, or null
 * @param work        folder for the temporary stores
 */
public record BenchOptions(List<String> sets, List<Profile> profiles, List<String> scenarios, long spots, int genes,
                    int pseudoSpots, List<Long> seeds, List<String> methods, Path out, Path work) {
    static final String USAGE = "AccuracyBench [--quick] [--sets sim,merfish,pseudo] "
            + "[--profiles visium,hd16,hd8,hd2] [--scenarios clean,realistic] [--spots 20000] [--genes 18000] "
            + "[--pseudo-spots 2000] [--seeds 1,2,3] [--methods flashdeconv,nnls,nnls-weighted] [--out FILE] "
            + "[--work DIR]";

    /**
     * Parses the command line; {@code --quick} sets tiny sizes (1000 spots, 2000 genes, 300 pseudo-spots, one
     * seed) that later options may override.
     *
     * @throws IllegalArgumentException naming the bad option
     */
    public static BenchOptions parse(String[] args) {
        List<String> sets = List.of("sim", "merfish", "pseudo");
        List<Profile> profiles = Arrays.stream(Profile.values()).toList();
        List<String> scenarios = List.of("clean", "realistic");
        long spots = 20_000;
        int genes = 18_000;
        int pseudo = 2000;
        List<Long> seeds = List.of(1L, 2L, 3L);
        List<String> methods = org.flashdeconv.bench.accuracy.Methods.DEFAULT;
        Path out = null;
        Path work = Path.of(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quick")) {
                spots = 1000;
                genes = 2000;
                pseudo = 300;
                seeds = List.of(1L);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value; usage: " + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--sets" -> sets = list(v);
                case "--profiles" -> profiles = list(v).stream().map(Profile::parse).toList();
                case "--scenarios" -> scenarios = list(v).stream().peek(SlideEffects::scenario).toList();
                case "--spots" -> spots = positive(a, v);
                case "--genes" -> genes = Math.toIntExact(positive(a, v));
                case "--pseudo-spots" -> pseudo = Math.toIntExact(positive(a, v));
                case "--seeds" -> seeds = list(v).stream().map(Long::parseLong).toList();
                case "--methods" -> methods = list(v);
                case "--out" -> out = Path.of(v);
                case "--work" -> work = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a + "; usage: " + USAGE);
            }
        }
        for (String s : sets) {
            if (!List.of("sim", "merfish", "pseudo").contains(s)) {
                throw new IllegalArgumentException("--sets: unknown family '" + s + "' (expected sim, merfish, pseudo)");
            }
        }
        methods.forEach(org.flashdeconv.bench.accuracy.Methods::byName);
        return new BenchOptions(sets, profiles, scenarios, spots, genes, pseudo, seeds, methods, out, work);
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static long positive(String option, String v) {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected a whole number, found '" + v + "'");
        }
        if (n < 1) {
            throw new IllegalArgumentException(option + ": expected at least 1, found " + n);
        }
        return n;
    }
}
