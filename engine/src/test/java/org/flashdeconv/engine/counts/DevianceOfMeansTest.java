package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;
import org.junit.jupiter.api.Test;

/** The quality deviances from the solver's means against the textbook sums with {@link Math#log}. */
class DevianceOfMeansTest {

    @Test
    void deviancesFromTheMeansMatchTheNaiveSums() {
        Random rnd = new Random(41);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ptr = arena.allocate(2L * Long.BYTES);
            MemorySegment one = arena.allocate(Double.BYTES);
            CsrView empty = new CsrView(1, 1, ptr, one, one, ValueType.F64);
            ModelRow row = new ModelRow(empty, new int[] {0});
            int genes = 300;
            double[] logMu = new double[genes];
            for (int g = 0; g < genes; g++) {
                logMu[g] = Math.log((1 + rnd.nextInt(50)) / 7600.0);
            }
            for (int trial = 0; trial < 200; trial++) {
                int nnz = trial % 50 == 0 ? trial / 50 : 1 + rnd.nextInt(genes);
                row.pos = new int[nnz];
                row.y = new double[nnz];
                double[] m = new double[nnz];
                double total = 0;
                for (int j = 0; j < nnz; j++) {
                    row.pos[j] = rnd.nextInt(genes);
                    row.y[j] = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(40) + (rnd.nextBoolean() ? 0.5 : 0) : 1;
                    // means from tiny to huge, so that products of them must be logged early
                    m[j] = trial % 7 == 0 ? Math.exp((rnd.nextDouble() - 0.5) * 600) : 0.01 + 5 * rnd.nextDouble();
                    total += row.y[j];
                }
                row.nnz = nnz;
                row.total = total;
                double fitted = total * (0.5 + rnd.nextDouble());
                double yLogY = 0;
                double yLogM = 0;
                double yLogMu = 0;
                for (int j = 0; j < nnz; j++) {
                    yLogY += row.y[j] * Math.log(row.y[j]);
                    yLogM += row.y[j] * Math.log(m[j]);
                    yLogMu += row.y[j] * logMu[row.pos[j]];
                }
                double[] out = new double[2];
                Deviance.ofMeans(row, m, fitted, logMu, out);
                double fit = Math.max(0, 2 * ((yLogY - yLogM) - (total - fitted)));
                double dNull = nnz == 0 ? 0 : Math.max(0, 2 * (yLogY - yLogMu - total * Math.log(total)));
                double scale = 1e-12 * (1 + Math.abs(yLogY) + Math.abs(yLogM) + total);
                assertEquals(fit, out[0], scale, "fit deviance, trial " + trial);
                assertEquals(dNull, nnz == 0 ? 0 : out[1], scale, "null deviance, trial " + trial);
            }
        }
    }
}
