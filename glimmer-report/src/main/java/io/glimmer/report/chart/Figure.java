package io.glimmer.report.chart;

import org.jfree.chart.JFreeChart;

/**
 * One drawn plot: the chart, its size in CSS pixels, and the words a reader without the picture
 * gets (alt text: what is drawn and what it shows).
 *
 * @param id an identifier unique within a report (letters, digits and dashes), used for the SVG's ids
 */
public record Figure(String id, String title, String alt, JFreeChart chart, int width, int height) {
}
