package io.glimmer.report.chart;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A figure as an SVG element for inline use: text drawn as SVG text (searchable, scalable),
 * geometry rounded to 0.1 px and adjacent groups of the same style merged to keep files small (a
 * dot of a scatter plot costs about 160 bytes), ids prefixed with the figure's id so several
 * figures share one page, and a viewBox without fixed size so the page's CSS scales it.
 */
public final class Svg {
    private Svg() {
    }

    public static String element(Figure f) {
        SVGGraphics2D g = new SVGGraphics2D(f.width(), f.height());
        g.setDefsKeyPrefix(f.id() + "-");
        g.setGeomDoubleConverter(d -> trim(String.format(Locale.ROOT, "%.1f", d)));
        f.chart().draw(g, new Rectangle(0, 0, f.width(), f.height()));
        String svg = groupRuns(mergeGroups(g.getSVGElement(f.id(), false, new ViewBox(0, 0, f.width(), f.height()), null, null)))
                .replace("<image ", "<image style='image-rendering:pixelated' "); // a grid's cells (Blocks) stay sharp when scaled
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

    /**
     * JFreeSVG wraps every shape in a group carrying its style and clip; a run of such groups with
     * the same attributes, one after another, becomes one group holding their shapes. The picture
     * is the same (each shape still painted on its own, in order), the text a third of the size.
     */
    static String mergeGroups(String svg) {
        StringBuilder out = new StringBuilder(svg.length());
        String open = null; // attributes of the merged group being written, or null
        int i = 0;
        while (true) {
            int start = svg.indexOf("<g ", i);
            if (start < 0) {
                break;
            }
            int gt = svg.indexOf('>', start);
            int close = svg.indexOf("</g>", gt);
            int nested = svg.indexOf("<g", gt);
            if (close < 0 || (nested >= 0 && nested < close)) { // not a group of shapes only: copied as it is
                open = closeGroup(out, open);
                out.append(svg, i, gt + 1);
                i = gt + 1;
                continue;
            }
            String attributes = svg.substring(start + 3, gt);
            if (start == i && attributes.equals(open)) {
                out.append(svg, gt + 1, close);
            } else {
                open = closeGroup(out, open);
                out.append(svg, i, close);
                open = attributes;
            }
            i = close + 4;
        }
        closeGroup(out, open);
        return out.append(svg, i, svg.length()).toString();
    }

    private static final java.util.regex.Pattern STYLED = java.util.regex.Pattern.compile(
            "<(line|rect|path) ([^>]*?) ?style='([^']*)'( clip-path='[^']*')?/>");

    /**
     * A run of elements side by side with the same style and clip (a caterpillar's error bars, grid
     * lines) becomes a group carrying them once, the elements bare inside it: the same picture, as
     * the properties are inherited and the clip is in the same user space.
     */
    static String groupRuns(String svg) {
        java.util.regex.Matcher m = STYLED.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        List<String> run = new ArrayList<>();
        String key = null;
        int at = 0;
        int runEnd = -1;
        while (m.find()) {
            if (m.group(2).contains("transform=")) {
                continue; // its clip would move to another user space
            }
            String k = "style='" + m.group(3) + "'" + (m.group(4) == null ? "" : m.group(4));
            if (!(m.start() == runEnd && k.equals(key))) {
                flush(out, run, key);
                out.append(svg, at, m.start());
                key = k;
            }
            run.add("<" + m.group(1) + " " + m.group(2) + "/>");
            at = m.end();
            runEnd = m.end();
        }
        flush(out, run, key);
        return out.append(svg, at, svg.length()).toString();
    }

    private static void flush(StringBuilder out, List<String> run, String key) {
        if (run.size() == 1) {
            String e = run.get(0);
            out.append(e, 0, e.length() - 2).append(' ').append(key).append("/>");
        } else if (!run.isEmpty()) {
            out.append("<g ").append(key).append('>');
            run.forEach(out::append);
            out.append("</g>");
        }
        run.clear();
    }

    private static String closeGroup(StringBuilder out, String open) {
        if (open != null) {
            out.append("</g>");
        }
        return null;
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
