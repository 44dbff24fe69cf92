package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.FitSummary;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.io.h5.H5adResultWriter;
import org.flashdeconv.io.store.CountStore;

/** Writes a fit as an AnnData file (the {@code --h5ad-out} of {@code deconvolve}). */
final class H5adExport {
    private H5adExport() {
    }

    /**
     * Writes {@code fit} to {@code target}: spots, proportions, dominant type, coordinates and the parameters of
     * docs/algorithm.md §15's result export.
     *
     * @throws IOException if the file cannot be written
     */
    static void write(Path target, FitResult fit, CountStore store, CoordsView coords) throws IOException {
        long n = store.spots();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("--h5ad-out: " + n + " spots are more than an AnnData file written "
                    + "here can hold; use the CSV outputs");
        }
        List<String> spots = new AbstractList<>() {
            @Override
            public String get(int i) {
                return store.barcode(i);
            }

            @Override
            public int size() {
                return (int) n;
            }
        };
        H5adResultWriter.write(target, new H5adResultWriter.Content(spots, fit.cellTypeNames(), fit.proportions(),
                coords, params(fit)));
    }

    /** Target of the λ with result folder {@code folderName} when several λ are written. */
    static Path forLambda(Path target, String folderName) {
        String name = target.getFileName().toString();
        int dot = name.toLowerCase(Locale.ROOT).endsWith(".h5ad") ? name.length() - 5 : name.length();
        return target.resolveSibling(name.substring(0, dot) + "_" + folderName + name.substring(dot));
    }

    /** The options' scalar parameters (the λ list as the one requested), then the fit's record. */
    private static Map<String, Object> params(FitResult fit) {
        FitSummary s = fit.summary();
        Map<String, Object> p = new LinkedHashMap<>();
        fit.options().parameters().forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                p.put(name, value);
            }
        });
        p.put("lambda_spatial", fit.lambdaRequested().toString());
        p.put("lambda_used", s.lambdaSpatial());
        p.put("random_state", s.randomStateUsed());
        p.put("n_genes_used", s.nGenesUsed());
        p.put("n_cell_types", s.nCellTypes());
        p.put("converged", s.converged());
        p.put("n_iterations", s.nIterations());
        return p;
    }
}
