package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.FitSummary;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.io.genes.GeneMatch;
import org.flashdeconv.io.h5.AnnDataResult;
import org.flashdeconv.io.h5.H5adOut;
import org.flashdeconv.io.h5.edit.UnsupportedLayoutException;
import org.flashdeconv.io.store.CountStore;

/**
 * Writes a fit as an AnnData file (the {@code --h5ad-out} of {@code deconvolve}): a copy of an AnnData spatial input
 * with the result added, or a new AnnData file with the counts on the genes used for any other input (and, with a
 * warning, for an AnnData input whose HDF5 layout cannot be added to).
 */
final class H5adExport {
    private H5adExport() {
    }

    /**
     * Writes {@code fit} to {@code target}.
     *
     * @return a warning when the copy could not be made and a new file was written instead, else null
     * @throws IOException if the file cannot be written
     */
    static String write(Path target, FitResult fit, SpatialStore input, CoordsView coords, GeneMatch match)
            throws IOException {
        CountStore store = input.store();
        AnnDataResult result = new AnnDataResult(fit.cellTypeNames(), fit.proportions(), fit::status, params(fit),
                fit.spots());
        String warning = null;
        if (input.annData() != null) {
            try {
                H5adOut.writeCopy(input.annData(), target, result, coords);
                return null;
            } catch (UnsupportedLayoutException e) {
                warning = "--h5ad-out: cannot add to a copy of " + input.annData() + " (" + e.getMessage()
                        + "); wrote a new AnnData file with the counts on the genes used instead";
            }
        }
        List<String> ids = store.geneIds().isEmpty() ? List.of()
                : Arrays.stream(match.spatialIndex()).mapToObj(store.geneIds()::get).toList();
        H5adOut.writeNew(target, new H5adOut.Counts(store.csr(), match.spatialToAligned(), match.genes(), ids,
                store::barcode, !store.nonIntegerValues()), coords, result);
        return warning;
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
