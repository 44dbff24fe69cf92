package org.flashdeconv.io.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalTextTest {
    private static double parse(String s) {
        byte[] b = ("#" + s + "#").getBytes(StandardCharsets.UTF_8);
        return DecimalText.parse(b, 1, b.length - 1);
    }

    @Test
    void decimalsParseExactlyLikeTheJdk() {
        String[] values = {"0", "1", "-0.5", "0.000123", "1e-3", "2.5E+2", "+7", "123456.789012", ".5", "3.",
            "0.30000000000000004", "12345678901234567890123", "1.7976931348623157E308", "4.9e-324", "9007199254740993",
            "5432.123456789012", "1e400", "1e-400", "000000000000000000000012.5", "-0", "0e999999999", " 2.5\t",
            "0.1000000000000000055511151231257827", "2.2250738585072011e-308"};
        for (String v : values) {
            assertEquals(Double.doubleToLongBits(Double.parseDouble(v.strip())), Double.doubleToLongBits(parse(v)), v);
        }
    }

    @Test
    void randomDecimalsRoundTripBitForBit() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(rng.nextLong());
            if (Double.isNaN(d)) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            DecimalText.append(sb, d);
            assertEquals(d == 0 ? 0.0 : d, parse(sb.toString()), sb.toString());
            String fixed = String.format(java.util.Locale.ROOT, "%.6f", rng.nextDouble() * 20000 - 10000);
            assertEquals(Double.parseDouble(fixed), parse(fixed), fixed);
        }
    }

    @Test
    void javaOnlyFormsAreNotNumbers() {
        for (String bad : new String[] {"0x1p3", "2f", "1d", "1D", "1F", "", " ", "1e", "e5", ".", "-", "1,5", "1 000",
            "0x10", "1e+", "++1", "1.2.3", "NaNx", "１"}) {
            NumberFormatException e = assertThrows(NumberFormatException.class, () -> parse(bad), bad);
            assertTrue(e.getMessage() != null);
        }
    }

    @Test
    void missingAndInfiniteSpellingsAreValuesCallersCheck() {
        assertTrue(Double.isNaN(parse("NaN")));
        assertTrue(Double.isNaN(parse("NA")));
        assertTrue(Double.isNaN(parse("nan")));
        assertEquals(Double.POSITIVE_INFINITY, parse("Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, parse("-inf"));
    }

    @Test
    void writesTheShortestRoundTripForm() {
        StringBuilder sb = new StringBuilder();
        DecimalText.append(sb, 0);
        sb.append('|');
        DecimalText.append(sb, 1);
        sb.append('|');
        DecimalText.append(sb, 0.1 + 0.2);
        sb.append('|');
        DecimalText.append(sb, Double.NaN);
        sb.append('|');
        DecimalText.append(sb, -3);
        assertEquals("0|1|0.30000000000000004||-3", sb.toString());
    }
}
