package org.flashdeconv.io.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNamesTest {
    @Test
    void ordinaryNamesWithCommasQuotesAndLettersAreFine() {
        for (String ok : new String[] {"CD4-positive, alpha-beta T cell", "B \"naive\"", "Zellen-Typ ä", "s_008um_00301_00154-1",
            "γδ T", "🧬"}) {
            assertNull(TextNames.problem(ok), ok);
        }
    }

    @Test
    void emptyAndInvisibleNamesAreRefusedAndShownVisibly() {
        assertEquals("is empty", TextNames.problem(""));
        assertTrue(TextNames.problem("a\nb").contains("\\n"), TextNames.problem("a\nb"));
        assertTrue(TextNames.problem("\uFEFFbarcode").contains("\\uFEFF"));
        assertTrue(TextNames.problem("a\u200Bb").contains("\\u200B"));
        assertTrue(TextNames.problem("tab\there").contains("\\t"));
        assertTrue(TextNames.problem("x\uD800").contains("\\uD800"));
        assertTrue(TextNames.problem("caf\uFFFD").contains("not UTF-8"));
        assertEquals("a\\nb\\r\\u0000\\\\", TextNames.visible("a\nb\r\u0000\\"));
    }

    @Test
    void cellTypesMustBeDistinctAndNotResultColumns() {
        assertNull(TextNames.cellTypeProblem(List.of("B", "T, CD4")));
        assertTrue(TextNames.cellTypeProblem(List.of("B", "qc")).contains("'qc' has the name of a result column"));
        assertTrue(TextNames.cellTypeProblem(List.of("barcode")).contains("reserved"));
        assertTrue(TextNames.cellTypeProblem(List.of("dominant_type")).contains("reserved"));
        assertTrue(TextNames.cellTypeProblem(List.of("background", "B")).contains("reserved"));
        assertEquals("cell type 'B' appears twice", TextNames.cellTypeProblem(List.of("B", "T", "B")));
        assertEquals("cell type 2 '' is empty", TextNames.cellTypeProblem(List.of("B", "")));
    }
}
