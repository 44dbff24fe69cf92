package org.flashdeconv.io.plot;

/**
 * The viridis colour map (perceptually uniform, readable in grey scale and by colour-blind viewers; van der Walt
 * and Smith, CC0): a 256-entry table interpolated linearly between 17 anchors of the published map (entries 0, 16,
 * ..., 240 and 255); the map is smooth, so the interpolation is visually indistinguishable from the original.
 */
public final class Viridis {
    private static final double[][] ANCHORS = {
        {0.267004, 0.004874, 0.329415}, {0.282327, 0.094955, 0.417331}, {0.278826, 0.175490, 0.483397},
        {0.258965, 0.251537, 0.524736}, {0.229739, 0.322361, 0.545706}, {0.199430, 0.387607, 0.554642},
        {0.172719, 0.448791, 0.557885}, {0.149039, 0.508051, 0.557250}, {0.127568, 0.566949, 0.550556},
        {0.120638, 0.625828, 0.533488}, {0.157851, 0.683765, 0.501686}, {0.246070, 0.738910, 0.452024},
        {0.369214, 0.788888, 0.382914}, {0.515992, 0.831158, 0.294279}, {0.678489, 0.863742, 0.189503},
        {0.845561, 0.887322, 0.099702}, {0.993248, 0.906157, 0.143936},
    };
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int a = Math.min(i / 16, 15);
            int from = a * 16;
            int to = a == 15 ? 255 : from + 16;
            double f = (i - from) / (double) (to - from);
            int rgb = 0;
            for (int c = 0; c < 3; c++) {
                double v = ANCHORS[a][c] + f * (ANCHORS[a + 1][c] - ANCHORS[a][c]);
                rgb = (rgb << 8) | (int) Math.round(v * 255);
            }
            TABLE[i] = rgb;
        }
    }

    private Viridis() {
    }

    /** The colour (0xRRGGBB) of {@code t} in [0, 1]; values outside are clamped, NaN gives the low end. */
    public static int rgb(double t) {
        return TABLE[index(t)];
    }

    /** The table entry (0..255) that {@code t} in [0, 1] maps to. */
    static int index(double t) {
        if (!(t > 0)) {
            return 0;
        }
        return t >= 1 ? 255 : (int) (t * 255 + 0.5);
    }
}
