package io.glimmer.report.chart;

import io.glimmer.report.Report;
import io.glimmer.report.ReportOptions;
import io.glimmer.report.Section;
import io.glimmer.report.plot.Fits;
import io.glimmer.report.plot.PlotSource;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The SVG text kept small without changing the picture: groups merged, runs of one style grouped, every figure well-formed XML. */
class SvgTest {
    @Test
    void adjacentGroupsOfOneStyleMerge() {
        String in = "<svg><g style='a'><path d='1'/></g><g style='a'><path d='2'/></g><g style='b'><path d='3'/></g>"
                + "<g style='b'><g style='c'><path d='4'/></g><g style='c'><path d='5'/></g></g><text>t</text><g style='b'><path d='6'/></g></svg>";
        assertEquals("<svg><g style='a'><path d='1'/><path d='2'/></g><g style='b'><path d='3'/></g>"
                + "<g style='b'><g style='c'><path d='4'/><path d='5'/></g></g><text>t</text><g style='b'><path d='6'/></g></svg>", Svg.mergeGroups(in));
    }

    @Test
    void runsOfOneStyleAndClipBecomeAGroup() {
        String in = "<svg><line x1='0' y1='0' style='s' clip-path='url(#c)'/><line x1='1' y1='1' style='s' clip-path='url(#c)'/>"
                + "<rect x='2' style='t'/><line x1='3' style='s' clip-path='url(#c)'/><path d='M0' style='s' transform='matrix(1,0,0,1,0,0)'/></svg>";
        assertEquals("<svg><g style='s' clip-path='url(#c)'><line x1='0' y1='0'/><line x1='1' y1='1'/></g>"
                + "<rect x='2' style='t'/><line x1='3' style='s' clip-path='url(#c)'/><path d='M0' style='s' transform='matrix(1,0,0,1,0,0)'/></svg>",
                Svg.groupRuns(in));
    }

    @Test
    void everyFigureOfAReportIsWellFormed() {
        for (Section s : Report.sections(PlotSource.of(Fits.cbpp()), ReportOptions.defaults(5))) {
            for (Figure f : s.figures()) {
                String svg = Svg.document(f);
                assertFalse(svg.contains("<g style='fill:rgb(0,114,178);stroke:none' clip-path='url(#" + f.id() + "-clip-2)'></g>"), f.id());
                assertDoesNotThrow(() -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))), f.id());
            }
        }
    }
}
