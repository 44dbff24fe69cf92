package org.flashdeconv.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreprocessTest {

    @Test
    void parsesTheSpecificationNames() {
        assertEquals(Preprocess.LOG_CPM, Preprocess.parse("log_cpm"));
        assertEquals(Preprocess.PEARSON, Preprocess.parse("pearson"));
        assertEquals(Preprocess.RAW, Preprocess.parse("raw"));
        assertEquals(GeneWeighting.EXPECTED, GeneWeighting.parse("expected"));
        assertEquals(GeneWeighting.COUNTSKETCH, GeneWeighting.parse("countsketch"));
        for (Preprocess p : Preprocess.values()) {
            assertEquals(p, Preprocess.parse(p.id()));
        }
    }

    @Test
    void rejectsOtherNamesNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocess.parse("LOG_CPM"));
        assertEquals("preprocess must be one of log_cpm, pearson, raw, found 'LOG_CPM'", e.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () -> GeneWeighting.parse("sketch"));
        assertTrue(w.getMessage().contains("gene_weighting") && w.getMessage().contains("'sketch'"));
        assertThrows(IllegalArgumentException.class, () -> Preprocess.parse(null));
    }
}
