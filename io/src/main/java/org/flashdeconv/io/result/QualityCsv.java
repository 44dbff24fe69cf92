package org.flashdeconv.io.result;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.counts.CountModel;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * Writes {@code quality.csv} of a count-model fit (docs/algorithm.md §29.6): {@code barcode,deviance,
 * deviance_per_count,unexplained_fraction,background_share,entropy,poor_fit,qc}, rows in spot order; the numbers are
 * empty and {@code poor_fit} is {@code false} for a spot without a result ({@code qc} says why).
 */
@SuppressWarnings("exports") // BlockExecutor is exported to io and cli, the modules that write results
public final class QualityCsv {
    private QualityCsv() {
    }

    /**
     * Writes the file.
     *
     * @throws IOException           if it cannot be written
     * @throws IllegalStateException if the fit is not a count-model fit
     */
    public static void write(Path target, FitResult fit, LongFunction<String> barcode, BlockExecutor ex)
            throws IOException {
        TextTable.write(List.of(table(target, fit)), fit.spots(), BarcodeField.of(barcode), ex);
    }

    /**
     * The table (to be written with the other tables of the fit in one pass).
     *
     * @throws IllegalStateException if the fit is not a count-model fit
     */
    static TextTable.Table table(Path target, FitResult fit) {
        MemorySegment quality = fit.quality();
        MemorySegment poor = fit.poorFit();
        int q = CountModel.QUALITY.size();
        String head = "barcode," + String.join(",", CountModel.QUALITY) + ",poor_fit,qc";
        return new TextTable.Table(target, head, (i, out) -> {
            for (int c = 0; c < q; c++) {
                out.append(',').appendNumber(quality.getAtIndex(Layouts.F64, i * q + c));
            }
            out.appendText(poor.get(ValueLayout.JAVA_BYTE, i) != 0 ? ",true," : ",false,");
            out.appendText(fit.status(i).label());
        });
    }
}
