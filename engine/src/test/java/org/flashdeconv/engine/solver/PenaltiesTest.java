package org.flashdeconv.engine.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PenaltiesTest {

    @Test
    void autoLambdaIsHalfAPercentOfTheMeanGramDiagonalPerNeighbour() {
        double[] gram = {4, 1, 1, 8};
        double mean = Penalties.meanGramDiagonal(gram, 2);
        assertEquals(6.0, mean, 0.0);
        assertEquals(0.005 * 6.0 / 6.5, Penalties.autoLambda(mean, 6.5), 0.0);
        // the mean degree is floored at 1 (empty or sparse graphs)
        assertEquals(0.005 * 6.0, Penalties.autoLambda(mean, 0.0), 0.0);
        assertEquals(0.005 * 6.0, Penalties.autoLambda(mean, 0.5), 0.0);
        assertEquals(0.06, Penalties.rhoEff(0.01, mean), 1e-17);
    }

    @Test
    void rejectsAGramThatIsNotKByK() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Penalties.meanGramDiagonal(new double[3], 2));
        assertEquals("gram must be K x K with K >= 1, found K=2 and 3 values", e.getMessage());
    }
}
