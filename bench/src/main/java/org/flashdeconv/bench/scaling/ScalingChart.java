package org.flashdeconv.bench.scaling;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The log-log PNG: wall time (left) and peak memory (right) against N, one colour per case and profile, points
 * and the fitted line with its slope in the legend. Plain Java 2D, headless.
 */
final class ScalingChart {
    private static final int PANEL_W = 620;
    private static final int H = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728)};

    private ScalingChart() {
    }

    /** One plotted series: its label (with the slope), colour, dash and points. */
    private record Series(String label, Color colour, boolean dashed, double[] x, double[] y, SlopeFit fit) {
    }

    static void write(List<RunResult> runs, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(2 * PANEL_W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2 * PANEL_W, H);
        List<Series> time = new ArrayList<>();
        List<Series> memory = new ArrayList<>();
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : runs) {
            groups.computeIfAbsent(r.caseName() + " " + r.size().profile().cliName(), k -> new ArrayList<>()).add(r);
        }
        int c = 0;
        for (Map.Entry<String, List<RunResult>> e : groups.entrySet()) {
            Color colour = COLOURS[c++ % COLOURS.length];
            List<RunResult> rs = e.getValue();
            double[] x = rs.stream().mapToDouble(r -> r.size().spots()).toArray();
            time.add(series(e.getKey() + " wall", colour, false, x, rs.stream().mapToDouble(RunResult::wallSeconds)
                    .toArray()));
            memory.add(series(e.getKey() + " RssAnon", colour, false, x, rs.stream()
                    .mapToDouble(r -> r.peakRssAnon() / 1e9).toArray()));
            memory.add(series(e.getKey() + " RSS", colour, true, x, rs.stream()
                    .mapToDouble(r -> r.peakRss() / 1e9).toArray()));
        }
        panel(g, 0, "Wall time vs bins", "seconds", time);
        panel(g, PANEL_W, "Peak memory vs bins", "GB", memory);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static Series series(String name, Color colour, boolean dashed, double[] x, double[] y) {
        SlopeFit fit = x.length >= 2 && java.util.Arrays.stream(x).distinct().count() >= 2
                && java.util.Arrays.stream(y).allMatch(v -> v > 0) ? SlopeFit.fit(x, y) : null;
        String label = fit == null ? name : String.format(Locale.ROOT, "%s: slope %.2f", name, fit.slope());
        return new Series(label, colour, dashed, x, y, fit);
    }

    private static void panel(Graphics2D g, int x0, String title, String unit, List<Series> series) {
        double xmin = Double.MAX_VALUE;
        double xmax = 0;
        double ymin = Double.MAX_VALUE;
        double ymax = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (s.y[i] > 0) {
                    xmin = Math.min(xmin, s.x[i]);
                    xmax = Math.max(xmax, s.x[i]);
                    ymin = Math.min(ymin, s.y[i]);
                    ymax = Math.max(ymax, s.y[i]);
                }
            }
        }
        if (xmax == 0) {
            return;
        }
        double lx0 = Math.floor(Math.log10(xmin));
        double lx1 = Math.max(lx0 + 1, Math.ceil(Math.log10(xmax)));
        double ly0 = Math.floor(Math.log10(ymin));
        double ly1 = Math.max(ly0 + 1, Math.ceil(Math.log10(ymax)));
        Axes ax = new Axes(x0 + LEFT, TOP, PANEL_W - LEFT - RIGHT, H - TOP - BOTTOM, lx0, lx1, ly0, ly1);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(title, x0 + LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double d = lx0; d <= lx1; d++) {
            int px = ax.px(Math.pow(10, d));
            g.setColor(new Color(0xdddddd));
            g.drawLine(px, ax.top, px, ax.top + ax.h);
            g.setColor(Color.BLACK);
            g.drawString(ScalingReport.count((long) Math.pow(10, d)), px - 12, ax.top + ax.h + 18);
        }
        for (double d = ly0; d <= ly1; d++) {
            int py = ax.py(Math.pow(10, d));
            g.setColor(new Color(0xdddddd));
            g.drawLine(ax.left, py, ax.left + ax.w, py);
            g.setColor(Color.BLACK);
            g.drawString(tick(Math.pow(10, d)), ax.left - 55, py + 4);
        }
        g.drawRect(ax.left, ax.top, ax.w, ax.h);
        g.drawString("bins (N)", ax.left + ax.w / 2 - 20, H - 15);
        g.drawString(unit, x0 + 10, TOP - 8);
        int legendY = ax.top + 18;
        for (Series s : series) {
            g.setColor(s.colour);
            Stroke old = g.getStroke();
            g.setStroke(s.dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
            if (s.fit != null) {
                double lo = java.util.Arrays.stream(s.x).min().orElseThrow();
                double hi = java.util.Arrays.stream(s.x).max().orElseThrow();
                g.setClip(ax.left, ax.top, ax.w, ax.h);
                g.drawLine(ax.px(lo), ax.py(s.fit.at(lo)), ax.px(hi), ax.py(s.fit.at(hi)));
                g.setClip(null);
            }
            g.drawLine(ax.left + 10, legendY - 4, ax.left + 35, legendY - 4);
            g.setStroke(old);
            for (int i = 0; i < s.x.length; i++) {
                if (s.y[i] > 0) {
                    g.fillOval(ax.px(s.x[i]) - 4, ax.py(s.y[i]) - 4, 8, 8);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(s.label, ax.left + 40, legendY);
            legendY += 16;
        }
    }

    private static String tick(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    /** Pixel mapping of a log-log panel. */
    private record Axes(int left, int top, int w, int h, double lx0, double lx1, double ly0, double ly1) {
        int px(double x) {
            return left + (int) Math.round((Math.log10(x) - lx0) / (lx1 - lx0) * w);
        }

        int py(double y) {
            return top + h - (int) Math.round((Math.log10(y) - ly0) / (ly1 - ly0) * h);
        }
    }
}
