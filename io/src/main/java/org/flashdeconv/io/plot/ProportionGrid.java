package org.flashdeconv.io.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * The grid of spatial maps, one panel per cell type, colour = proportion (viridis) with a colour bar per panel.
 * Spots smaller than a pixel are averaged per pixel (every spot counts, none is hidden behind another); pixels
 * covered only by spots without a result are grey.
 *
 * <p>Memory: one float per panel pixel per type plus two ints per pixel, fixed by the image size.
 */
final class ProportionGrid {
    private final FigureStyle style;
    private final int[] selected;
    private final List<String> names;
    private final boolean fixedScale;
    private final String title;
    final MapTransform map;
    private final int columns;
    private final int margin;
    private final int gap;
    private final int panelWidth;
    private final int titleHeight;
    private final int panelHeight;
    private final int top;
    final int width;
    final int height;
    private final float[] sums;
    private final int[] valid;
    private final int[] missing;
    private final float[] max;

    ProportionGrid(SlideGeometry geometry, int[] selected, List<String> allNames, PlotOptions options) {
        this.style = new FigureStyle(options.width());
        this.selected = selected;
        this.names = allNames;
        this.fixedScale = options.fixedScale();
        this.title = options.title();
        int k = selected.length;
        double aspect = Math.clamp(MapTransform.aspect(geometry), 0.2, 5.0);
        columns = Math.min(k, (int) Math.ceil(Math.sqrt(k / aspect)));
        int rows = (k + columns - 1) / columns;
        width = options.width();
        margin = style.px(28);
        gap = style.px(26);
        panelWidth = (width - 2 * margin - (columns - 1) * gap) / columns;
        int mapMax = Math.max(8, panelWidth - barGap() - barWidth() - tickWidth());
        map = MapTransform.fit(geometry, mapMax, (int) Math.min(2.0 * mapMax, Math.ceil(mapMax * aspect)));
        titleHeight = style.px(30);
        panelHeight = titleHeight + Math.max(map.height, style.px(70));
        BufferedImage probe = FigureStyle.canvas(1, 1);
        Graphics2D g = probe.createGraphics();
        top = style.headerHeight(g);
        g.dispose();
        height = top + rows * panelHeight + (rows - 1) * gap + margin;
        int pixels = map.width * map.height;
        sums = new float[Math.multiplyExact(k, pixels)];
        valid = new int[pixels];
        missing = new int[pixels];
        max = new float[k];
    }

    private int barGap() {
        return style.px(10);
    }

    private int barWidth() {
        return style.px(12);
    }

    private int tickWidth() {
        return style.px(46);
    }

    /** Adds one spot: its proportions (all types, in table order), or a spot without a result. */
    void add(double x, double y, double[] proportions, boolean noResult) {
        int n = map.stamp(x, y);
        int[] px = map.pixels();
        if (noResult) {
            for (int i = 0; i < n; i++) {
                missing[px[i]]++;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            valid[px[i]]++;
        }
        int pixels = valid.length;
        for (int t = 0; t < selected.length; t++) {
            float v = (float) proportions[selected[t]];
            if (v > max[t]) {
                max[t] = v;
            }
            if (v != 0) {
                int base = t * pixels;
                for (int i = 0; i < n; i++) {
                    sums[base + px[i]] += v;
                }
            }
        }
    }

    /** The top of the colour scale of panel {@code t}. */
    double scaleMax(int t) {
        if (fixedScale) {
            return 1.0;
        }
        return Math.max(0.1, Math.ceil(max[t] * 10 - 1e-6) / 10);
    }

    /** The image position (x, y) of panel {@code t}'s map. */
    int mapLeft(int t) {
        return margin + (t % columns) * (panelWidth + gap);
    }

    int mapTop(int t) {
        return top + (t / columns) * (panelHeight + gap) + titleHeight;
    }

    BufferedImage draw(long spots) {
        BufferedImage image = FigureStyle.canvas(width, height);
        Graphics2D g = FigureStyle.graphics(image);
        String scale = fixedScale ? "colour = proportion, 0 to 1" : "colour = proportion (each panel scaled to its colour bar)";
        style.header(g, margin, title.isEmpty() ? "Cell-type proportions" : "Cell-type proportions: " + title,
                String.format(Locale.ROOT, "%,d spots  ·  %s  ·  grey = no result  ·  y axis points down",
                        spots, scale));
        int[] out = FigureStyle.pixels(image);
        int pixels = valid.length;
        for (int t = 0; t < selected.length; t++) {
            int left = mapLeft(t);
            int mapTop = mapTop(t);
            g.setFont(style.label);
            g.setColor(FigureStyle.TEXT);
            g.drawString(FigureStyle.fit(g, names.get(selected[t]), panelWidth), left,
                    mapTop - style.px(9));
            g.setColor(FigureStyle.FRAME);
            g.drawRect(left - 1, mapTop - 1, map.width + 1, map.height + 1);
            double vmax = scaleMax(t);
            int base = t * pixels;
            for (int y = 0; y < map.height; y++) {
                int row = (mapTop + y) * width + left;
                for (int x = 0; x < map.width; x++) {
                    int p = y * map.width + x;
                    int c;
                    if (valid[p] > 0) {
                        c = Viridis.rgb(sums[base + p] / valid[p] / vmax);
                    } else {
                        c = missing[p] > 0 ? Palette.MISSING : Palette.BACKGROUND;
                    }
                    out[row + x] = c;
                }
            }
            drawBar(g, out, left + map.width + barGap(), mapTop, Math.max(map.height, style.px(70)), vmax);
        }
        g.dispose();
        return image;
    }

    private void drawBar(Graphics2D g, int[] out, int left, int barTop, int barHeight, double vmax) {
        int w = barWidth();
        for (int y = 0; y < barHeight; y++) {
            int c = Viridis.rgb(1.0 - y / (double) Math.max(1, barHeight - 1));
            int row = (barTop + y) * width + left;
            for (int x = 0; x < w; x++) {
                out[row + x] = c;
            }
        }
        g.setColor(FigureStyle.FRAME);
        g.drawRect(left - 1, barTop - 1, w + 1, barHeight + 1);
        g.setFont(style.small);
        int ascent = g.getFontMetrics().getAscent();
        for (int i = 0; i <= 2; i++) {
            double v = vmax * i / 2;
            int y = barTop + (int) Math.round((1.0 - i / 2.0) * (barHeight - 1));
            g.setColor(FigureStyle.MUTED);
            g.drawLine(left + w, y, left + w + style.px(4), y);
            g.setColor(FigureStyle.TEXT);
            g.drawString(FigureStyle.tick(v), left + w + style.px(6), y + ascent / 2 - 1);
        }
    }
}
