package org.flashdeconv.io.plot;

/**
 * Categorical colours for cell types: the ten Tableau/matplotlib "tab10" hues without their grey, their nine
 * light companions and two dark extras (20 colours, the darker set first so small type counts stay bold and
 * distinct); beyond 20 types, hues by the golden angle. Grey is reserved for spots without a result.
 */
public final class Palette {
    /** Colour of spots without a result (NaN proportions). */
    public static final int MISSING = 0xBDBDBD;
    /** Background colour. */
    public static final int BACKGROUND = 0xFFFFFF;

    private static final int[] COLORS = {
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF, 0xBCBD22, 0x393B79,
        0xAEC7E8, 0xFFBB78, 0x98DF8A, 0xFF9896, 0xC5B0D5, 0xC49C94, 0xF7B6D2, 0x9EDAE5, 0xDBDB8D, 0x637939,
    };

    private Palette() {
    }

    /** The colour (0xRRGGBB) of type {@code k} (from 0). */
    public static int color(int k) {
        if (k < COLORS.length) {
            return COLORS[k];
        }
        float hue = (float) ((k * 0.618033988749895) % 1.0);
        return java.awt.Color.HSBtoRGB(hue, 0.65f, 0.85f) & 0xFFFFFF;
    }
}
