package org.flashdeconv.io.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Manifest rows (RFC 4180) and the summary rows' round trip. */
class ManifestTest {
    @Test
    void quotedFieldsCrlfAndAnyColumnOrder() {
        Manifest m = Manifest.parse("\uFEFFspatial,Slide_ID,coords\r\n\"a,b/x.h5ad\",s1,\r\n"
                + "\"line\nbreak.fdstore\",s2,\"c \"\"q\"\".csv\"\r\n\r\n", "m.csv");
        assertEquals(List.of(new Manifest.Slide("s1", "a,b/x.h5ad", null, null, 2),
                new Manifest.Slide("s2", "line\nbreak.fdstore", "c \"q\".csv", null, 3)), m.slides());
        assertEquals(Path.of("/data/x.fdstore"), Manifest.resolve(Path.of("/data"), "x.fdstore"));
        assertEquals(Path.of("/abs/x.fdstore"), Manifest.resolve(Path.of("/data"), "/abs/x.fdstore"));
    }

    @Test
    void badManifestsNameTheLine() {
        assertMessage("slide_id,spatial,extra\n", "m.csv line 1: unknown column 'extra'");
        assertMessage("slide_id\ns1\n", "m.csv line 1: no column 'spatial'");
        assertMessage("slide_id,spatial\ns1,a\ns2\n", "m.csv line 3: 1 fields, expected 2");
        assertMessage("slide_id,spatial\n_x,a\n", "m.csv line 2: slide_id '_x' is not allowed");
        assertMessage("slide_id,spatial\nsummaries.csv,a\n", "slide_id 'summaries.csv' is not allowed");
        assertMessage("slide_id,spatial\ns1,\"a\n", "m.csv line 2: field 2: a quoted field is not closed");
        assertMessage("slide_id,spatial\ns1,\"a\"b\n", "m.csv line 2: field 2: text after the closing quote");
        assertMessage("slide_id,spatial\n", "m.csv: the manifest lists no slide");
    }

    @Test
    void summaryRowsRoundTripWithQuotedErrors() {
        SlideSummary ok = new SlideSummary("s1", 400, 300, 0.25, 3, true, 1.5, SlideSummary.OK, null);
        SlideSummary bad = SlideSummary.failed("s2", 0.125, "x.csv line 3: value \"NaN\", not finite");
        assertEquals("s1,400,300,0.25,3,true,1.500,ok,", ok.csvRow());
        assertEquals("s2,,,,,,0.125,failed,\"x.csv line 3: value \"\"NaN\"\", not finite\"", bad.csvRow());
        assertEquals(ok, SlideSummary.parse(ok.marker(), "m"));
        SlideSummary back = SlideSummary.parse(bad.marker(), "m");
        assertEquals(bad.error(), back.error());
        assertTrue(Double.isNaN(back.lambdaUsed()));
        assertNull(SlideSummary.parse(ok.marker(), "m").error());
    }

    private static void assertMessage(String text, String fragment) {
        var e = assertThrows(IllegalArgumentException.class, () -> Manifest.parse(text, "m.csv"));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
