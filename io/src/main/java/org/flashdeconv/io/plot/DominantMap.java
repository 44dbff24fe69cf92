package org.flashdeconv.io.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The map of the dominant cell type (largest proportion, ties to the earlier type) with a legend giving each
 * type's share of spots. Where several spots fall on one pixel, the pixel shows their majority type (Boyer-Moore
 * vote: two ints per pixel, exact whenever one type holds more than half of the pixel's spots).
 */
final class DominantMap {
    private static final int EMPTY = -2;
    private static final int NO_RESULT = -1;

    private final FigureStyle style;
    private final List<String> names;
    private final String title;
    final MapTransform map;
    private final int margin;
    private final int top;
    private final int legendLeft;
    private final int rowHeight;
    final int width;
    final int height;
    private final int[] candidate;
    private final int[] votes;
    private final long[] dominantCounts; // per type, then no result

    DominantMap(SlideGeometry geometry, List<String> names, PlotOptions options) {
        this.style = new FigureStyle(options.width());
        this.names = names;
        this.title = options.title();
        width = options.width();
        margin = style.px(28);
        int legendWidth = style.px(300);
        int mapMax = Math.max(8, width - 2 * margin - style.px(24) - legendWidth);
        double aspect = MapTransform.aspect(geometry);
        map = MapTransform.fit(geometry, mapMax, (int) Math.min(2.0 * mapMax, Math.ceil(mapMax * aspect)));
        legendLeft = margin + map.width + style.px(24);
        rowHeight = style.px(24);
        BufferedImage probe = FigureStyle.canvas(1, 1);
        Graphics2D g = probe.createGraphics();
        top = style.headerHeight(g);
        g.dispose();
        int legendHeight = (names.size() + 2) * rowHeight;
        height = top + Math.max(map.height, legendHeight) + margin;
        candidate = new int[map.width * map.height];
        Arrays.fill(candidate, EMPTY);
        votes = new int[candidate.length];
        dominantCounts = new long[names.size() + 1];
    }

    /** Adds one spot: the index of its dominant type, or -1 for a spot without a result. */
    void add(double x, double y, int dominant) {
        dominantCounts[dominant < 0 ? names.size() : dominant]++;
        int n = map.stamp(x, y);
        int[] px = map.pixels();
        for (int i = 0; i < n; i++) {
            int p = px[i];
            if (candidate[p] == dominant) {
                votes[p]++;
            } else if (votes[p] == 0) {
                candidate[p] = dominant;
                votes[p] = 1;
            } else {
                votes[p]--;
            }
        }
    }

    int mapLeft() {
        return margin;
    }

    int mapTop() {
        return top;
    }

    BufferedImage draw(long spots) {
        BufferedImage image = FigureStyle.canvas(width, height);
        Graphics2D g = FigureStyle.graphics(image);
        style.header(g, margin, title.isEmpty() ? "Dominant cell type" : "Dominant cell type: " + title,
                String.format(Locale.ROOT, "%,d spots  ·  colour = the type with the largest proportion  ·  "
                        + "y axis points down", spots));
        int[] out = FigureStyle.pixels(image);
        for (int y = 0; y < map.height; y++) {
            int row = (top + y) * width + margin;
            for (int x = 0; x < map.width; x++) {
                int c = candidate[y * map.width + x];
                out[row + x] = c == EMPTY ? Palette.BACKGROUND : c == NO_RESULT ? Palette.MISSING : Palette.color(c);
            }
        }
        g.setColor(FigureStyle.FRAME);
        g.drawRect(margin - 1, top - 1, map.width + 1, map.height + 1);
        drawLegend(g, spots);
        g.dispose();
        return image;
    }

    private void drawLegend(Graphics2D g, long spots) {
        int y = top;
        g.setFont(style.label);
        g.setColor(FigureStyle.TEXT);
        g.drawString("Cell type (share of spots)", legendLeft, y + g.getFontMetrics().getAscent());
        y += rowHeight + style.px(6);
        int box = style.px(14);
        int k = names.size();
        for (int t = 0; t <= k; t++) {
            if (t == k && dominantCounts[k] == 0) {
                break;
            }
            int rgb = t < k ? Palette.color(t) : Palette.MISSING;
            g.setColor(new Color(rgb));
            g.fillRect(legendLeft, y, box, box);
            g.setFont(style.subtitle);
            g.setColor(FigureStyle.TEXT);
            double share = spots == 0 ? 0 : 100.0 * dominantCounts[t] / spots;
            String text = (t < k ? names.get(t) : "no result") + String.format(Locale.ROOT, "  %.1f %%", share);
            int textWidth = width - legendLeft - box - style.px(10) - style.px(8);
            g.drawString(FigureStyle.fit(g, text, textWidth), legendLeft + box + style.px(10),
                    y + box / 2 + g.getFontMetrics().getAscent() / 2 - 1);
            y += rowHeight;
        }
    }
}
