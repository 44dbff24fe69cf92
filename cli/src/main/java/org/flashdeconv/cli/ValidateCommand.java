package org.flashdeconv.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flashdeconv.cli.progress.ProgressBars;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.io.genes.GeneMatch;
import org.flashdeconv.io.genes.GeneMatcher;
import org.flashdeconv.io.reference.LoadedReference;
import org.flashdeconv.io.reference.Reference;
import org.flashdeconv.io.store.CountStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flashdeconv validate}: checks that a spatial input and a reference fit together, without solving. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads the spatial data and the reference and reports shapes, spot depth, coordinates, cell "
                + "counts per type and the gene overlap, then lists any problem that would stop or spoil a run. "
                + "Does not run the solver. Exit code 1 when there is a problem."},
        footer = {"", "Example:",
            "  flashdeconv validate --spatial slide.fdstore --reference ref.h5ad \\",
            "      --cell-type-key cell_type"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @CommandLine.Mixin
    private InputOptions inputs = new InputOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Path work = Path.of(System.getProperty("java.io.tmpdir"));
        try (ProgressBars.Handle bars = ProgressBars.create(false);
             SpatialStore input = inputs.spatial.open(work, bars.listener())) {
            CountStore store = input.store();
            StoreStats st = StoreStats.of(store);
            out.printf(Locale.ROOT, "spatial:   %s%n           %d spots x %d genes, %d non-zeros (density %.4f)%n",
                    inputs.spatial.path, store.spots(), store.genes(), store.nnz(), st.density());
            out.printf(Locale.ROOT, "           counts per spot: min %s, median %s, max %s%n",
                    StoreStats.format(st.totalMin()), StoreStats.format(st.totalMed()),
                    StoreStats.format(st.totalMax()));
            for (String note : input.notes()) {
                out.println("           " + note);
            }
            coordinates(out, store, st, problems);
            store.coords().ifPresent(xy -> warnings.addAll(Sections.warnings(input.sections(), xy, store::barcode,
                    FlashDeconvOptions.builder().build())));
            warnings.addAll(input.warnings());
            if (input.countsProblem() != null) {
                problems.add(input.countsProblem());
            }
            if (st.totalMin() == 0) {
                warnings.add("some spots have no counts; they are kept, flagged no_counts and get no proportions");
            }
            LoadedReference loaded = inputs.reference.load();
            warnings.addAll(loaded.warnings());
            Reference ref = loaded.reference();
            out.printf(Locale.ROOT, "reference: %s%n           %d cell types x %d genes%n", inputs.reference.path,
                    ref.types(), ref.genes());
            for (String note : loaded.notes()) {
                out.println("           " + note);
            }
            if (loaded.countsProblem() != null) {
                problems.add(loaded.countsProblem());
            }
            for (int t = 0; t < ref.types(); t++) {
                out.printf(Locale.ROOT, "           %-24s %s%n", ref.cellTypes().get(t),
                        ref.cellCounts().length > 0 ? ref.cellCounts()[t] + " cells" : "");
            }
            GeneMatch match = GeneMatcher.match(store.geneNames(), store.geneIds(), ref.geneNames(), ref.geneIds());
            warnings.addAll(match.warnings());
            out.println("overlap:   " + match.report().toText().replace("\n", "\n           ").stripTrailing());
            if (match.size() < inputs.overlap.minOverlap) {
                problems.add(match.size() + " shared genes, fewer than --min-overlap " + inputs.overlap.minOverlap);
            }
            zeroTypes(ref, match, problems);
        }
        for (String w : warnings) {
            out.println("warning:   " + w);
        }
        for (String p : problems) {
            out.println("problem:   " + p);
        }
        out.println(problems.isEmpty() ? "ok: the inputs fit together" : problems.size() + " problem(s)");
        out.flush();
        return problems.isEmpty() ? 0 : ErrorHandler.FAILURE;
    }

    private static void coordinates(PrintWriter out, CountStore store, StoreStats st, List<String> problems) {
        if (store.coords().isEmpty()) {
            problems.add("the spatial data has no coordinates (give --coords FILE)");
            return;
        }
        CoordsView c = store.coords().get();
        StringBuilder box = new StringBuilder();
        boolean allSame = true;
        for (int d = 0; d < c.dim(); d++) {
            box.append(String.format(Locale.ROOT, "%s[%.6g, %.6g]", d == 0 ? "" : " x ", st.boxMin()[d],
                    st.boxMax()[d]));
            allSame &= st.boxMin()[d] == st.boxMax()[d];
        }
        out.println("           coordinates: " + c.dim() + "-D, " + box);
        if (allSame && store.spots() > 1) {
            problems.add("every spot has the same coordinates: the spatial graph would be arbitrary");
        }
    }

    private static void zeroTypes(Reference ref, GeneMatch match, List<String> problems) {
        double[][] s = ref.signatures();
        for (int t = 0; t < ref.types(); t++) {
            double sum = 0;
            for (int g : match.referenceIndex()) {
                sum += s[t][g];
            }
            if (sum == 0) {
                problems.add("cell type '" + ref.cellTypes().get(t) + "' has no expression on the shared genes");
            }
        }
    }
}
