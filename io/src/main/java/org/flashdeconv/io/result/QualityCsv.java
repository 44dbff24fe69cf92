package org.flashdeconv.io.result;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.function.LongFunction;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.counts.CountModel;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.text.CsvWriter;
import org.flashdeconv.io.text.DecimalText;

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
        MemorySegment quality = fit.quality();
        MemorySegment poor = fit.poorFit();
        int q = CountModel.QUALITY.size();
        String head = "barcode," + String.join(",", CountModel.QUALITY) + ",poor_fit,qc";
        TextTable.write(target, head, fit.spots(), (i, sb) -> {
            CsvWriter.appendField(sb, barcode.apply(i));
            for (int c = 0; c < q; c++) {
                sb.append(',');
                DecimalText.append(sb, quality.getAtIndex(Layouts.F64, i * q + c));
            }
            sb.append(',').append(poor.get(ValueLayout.JAVA_BYTE, i) != 0);
            sb.append(',').append(fit.status(i).label());
        }, ex);
    }
}
