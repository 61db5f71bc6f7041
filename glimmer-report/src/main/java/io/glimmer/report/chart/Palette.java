package io.glimmer.report.chart;

import java.awt.Color;

/**
 * Okabe and Ito's colour-blind-safe palette (Color Universal Design), and a sequential ramp from
 * light to dark blue for counts, which reads in grey as well.
 */
public final class Palette {
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY = new Color(0x56B4E9);
    public static final Color GREEN = new Color(0x009E73);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color PURPLE = new Color(0xCC79A7);
    public static final Color INK = new Color(0x222222);
    public static final Color GRID = new Color(0xDDDDDD);

    private Palette() {
    }

    /** A count's colour: 0 → white; 1..max from light to dark blue on a square-root scale. */
    public static Color ramp(double count, double max) {
        if (count <= 0) {
            return Color.WHITE;
        }
        double t = max <= 1 ? 1 : Math.sqrt((count - 1) / (max - 1));
        t = 0.15 + 0.85 * Math.max(0, Math.min(1, t));
        Color light = new Color(0xDEEBF7);
        Color dark = new Color(0x08306B);
        return new Color(mix(light.getRed(), dark.getRed(), t), mix(light.getGreen(), dark.getGreen(), t), mix(light.getBlue(), dark.getBlue(), t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
