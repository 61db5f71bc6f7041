package io.glimmer.report.chart;

import io.glimmer.summary.RFormat;

/** Numbers in alt text and captions, as R prints them with 4 significant digits. */
public final class Format {
    private Format() {
    }

    public static String number(double x) {
        return RFormat.number(x, 4);
    }
}
