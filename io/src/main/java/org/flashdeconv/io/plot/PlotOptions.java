package org.flashdeconv.io.plot;

import java.util.List;

/**
 * How to draw a result.
 *
 * @param width      image width in pixels (both figures), 400 to 20000
 * @param types      cell types to draw as panels, in this order; empty for all
 * @param fixedScale true: every panel's colours span proportions 0..1; false: each panel spans 0..its largest
 *                   proportion rounded up to a tenth (faint types stay visible; the colour bar states the range)
 * @param title      a name for the figures' titles (for example the result folder), or empty
 */
public record PlotOptions(int width, List<String> types, boolean fixedScale, String title) {
    /** Default image width. */
    public static final int DEFAULT_WIDTH = 1600;

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if the width is out of range
     */
    public PlotOptions {
        if (width < 400 || width > 20000) {
            throw new IllegalArgumentException("width must be in [400, 20000] pixels, found " + width);
        }
        types = List.copyOf(types);
        title = title == null ? "" : title;
    }

    /** All types, default width, per-panel scales. */
    public static PlotOptions defaults(String title) {
        return new PlotOptions(DEFAULT_WIDTH, List.of(), false, title);
    }
}
