package io.glimmer.report.chart;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Rectangle;
import java.util.Locale;

/**
 * A figure as an SVG element for inline use: text drawn as SVG text (searchable, scalable),
 * geometry rounded to 0.01 px to keep files small, ids prefixed with the figure's id so several
 * figures share one page, and a viewBox without fixed size so the page's CSS scales it.
 */
public final class Svg {
    private Svg() {
    }

    public static String element(Figure f) {
        SVGGraphics2D g = new SVGGraphics2D(f.width(), f.height());
        g.setDefsKeyPrefix(f.id() + "-");
        g.setGeomDoubleConverter(d -> trim(String.format(Locale.ROOT, "%.2f", d)));
        f.chart().draw(g, new Rectangle(0, 0, f.width(), f.height()));
        String svg = g.getSVGElement(f.id(), false, new ViewBox(0, 0, f.width(), f.height()), null, null);
        // the picture's description for screen readers, as the first child
        int open = svg.indexOf('>') + 1;
        return svg.substring(0, open - 1) + " role=\"img\" aria-labelledby=\"" + f.id() + "-title\">"
                + "<title id=\"" + f.id() + "-title\">" + Html.escape(f.alt()) + "</title>" + svg.substring(open);
    }

    /** A standalone SVG file: the element with the XML declaration and its size. */
    public static String document(Figure f) {
        String e = element(f);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + e.replaceFirst("<svg ", "<svg width=\"" + f.width() + "\" height=\"" + f.height() + "\" ");
    }

    private static String trim(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        String t = s.substring(0, end);
        return t.equals("-0") ? "0" : t;
    }
}
