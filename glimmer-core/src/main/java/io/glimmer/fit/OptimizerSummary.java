package io.glimmer.fit;

import java.util.List;

/**
 * What the optimiser did: its name, start and end, the objective there and how many evaluations it took.
 */
public record OptimizerSummary(String name, double[] start, double[] optimum, double objective, int evaluations,
                               boolean converged, List<String> messages) {
    public OptimizerSummary {
        start = start.clone();
        optimum = optimum.clone();
        messages = List.copyOf(messages);
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public double[] optimum() {
        return optimum.clone();
    }
}
