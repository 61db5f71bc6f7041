package io.glimmer.report;

import io.glimmer.report.chart.Figure;

import java.util.List;

/** A titled part of the report: a short explanation and its figures. */
public record Section(String id, String title, String text, List<Figure> figures) {
    public Section {
        figures = List.copyOf(figures);
    }
}
