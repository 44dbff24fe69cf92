package org.flashdeconv.io.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Locale;

/**
 * Sizes, fonts and text drawing shared by the figures. Everything scales with the image width (1 at 1600 px),
 * so a wider image is the same figure at a higher resolution.
 */
final class FigureStyle {
    static final Color TEXT = new Color(0x222222);
    static final Color MUTED = new Color(0x666666);
    static final Color FRAME = new Color(0xD0D0D0);

    final double unit;
    final Font title;
    final Font subtitle;
    final Font label;
    final Font small;

    FigureStyle(int width) {
        unit = Math.clamp(width / 1600.0, 0.5, 4.0);
        title = new Font(Font.SANS_SERIF, Font.BOLD, px(24));
        subtitle = new Font(Font.SANS_SERIF, Font.PLAIN, px(14));
        label = new Font(Font.SANS_SERIF, Font.BOLD, px(16));
        small = new Font(Font.SANS_SERIF, Font.PLAIN, px(12));
    }

    /** {@code n} design pixels at this scale, at least 1. */
    int px(double n) {
        return Math.max(1, (int) Math.round(n * unit));
    }

    /** An RGB image of the given size. */
    static BufferedImage canvas(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** Graphics on the image, cleared to white, text antialiased. */
    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    /** The image's pixels, row-major 0xRRGGBB. */
    static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** Draws the title and subtitle at the top left; returns the y below them. */
    int header(Graphics2D g, int x, String titleText, String subtitleText) {
        int y = px(20);
        g.setFont(title);
        g.setColor(TEXT);
        y += g.getFontMetrics().getAscent();
        g.drawString(titleText, x, y);
        g.setFont(subtitle);
        g.setColor(MUTED);
        y += px(8) + g.getFontMetrics().getAscent();
        g.drawString(subtitleText, x, y);
        return y + px(18);
    }

    /** Height {@link #header} uses. */
    int headerHeight(Graphics2D g) {
        FontMetrics t = g.getFontMetrics(title);
        FontMetrics s = g.getFontMetrics(subtitle);
        return px(20) + t.getAscent() + px(8) + s.getAscent() + px(18);
    }

    /** Shortens {@code text} with an ellipsis to fit {@code maxWidth} pixels in the current font. */
    static String fit(Graphics2D g, String text, int maxWidth) {
        FontMetrics m = g.getFontMetrics();
        if (m.stringWidth(text) <= maxWidth) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && m.stringWidth(s + "…") > maxWidth) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /** A tick label: up to three decimals, trailing zeros removed ("0", "0.25", "1"). */
    static String tick(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, s.charAt(end - 1) == '.' ? end - 1 : end);
    }
}
