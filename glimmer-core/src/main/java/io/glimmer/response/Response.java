package io.glimmer.response;

import io.glimmer.error.InputException;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.design.ModelFrame;
import io.glimmer.family.Family;
import io.glimmer.formula.Expr;

import java.util.List;

/**
 * The response of a GLMM with its prior weights, in R's glm conventions: a binomial response is a
 * proportion with the number of trials as weight, from 0/1 numbers, a two-level category (first
 * level = failure), {@code cbind(successes, failures)}, or proportions with {@code --weights}.
 *
 * <p>The response part of every model (lme4's resp module): a linear model's response is made by
 * {@link #linear}, whose weights may be null.
 *
 * @param y          response (proportions for binomial; an ordinal response's category numbers 1 … K)
 * @param weights    prior weights (trials for binomial); null only for a linear model without weights
 * @param categories an ordinal response's categories in order ({@link OrdinalResponse}); empty for every other response
 */
public record Response(double[] y, double[] weights, List<String> categories) {
    public Response {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** A response that is not ordinal. */
    public Response(double[] y, double[] weights) {
        this(y, weights, List.of());
    }

    /** A gaussian response: the numbers as they are, with positive prior weights from a column, or null weights. */
    public static Response linear(ModelFrame frame, Expr response, String weightsColumn) {
        if (response == null) {
            throw new InputException("the formula has no response (nothing left of '~')");
        }
        double[] y = frame.numeric(response);
        double[] w = weightsColumn == null ? null : frame.weights(weightsColumn);
        if (w != null) {
            for (int i = 0; i < w.length; i++) {
                if (!(w[i] > 0)) {
                    throw new InputException("weights column '" + weightsColumn + "' has a value that is not positive (" + w[i]
                            + ") at row " + (frame.keptRows()[i] + 1));
                }
            }
        }
        return new Response(y, w);
    }

    /** The same prior weights with another response vector (a simulated one, say). */
    public Response with(double[] other) {
        if (other.length != y.length) {
            throw new IllegalArgumentException("expected " + y.length + " responses, got " + other.length);
        }
        return new Response(other.clone(), weights == null ? null : weights.clone(), categories);
    }

    public static Response of(ModelFrame frame, Expr response, Family family, String weightsColumn) {
        Response r = ofPart(frame, response, family, weightsColumn);
        checkNotConstant(r.y(), r.weights(), response);
        return r;
    }

    /**
     * As {@link #of} for some of a model's rows (a distributed fit's part): every check but that
     * the response is not constant, which belongs to all the rows ({@link #constant}).
     */
    public static Response ofPart(ModelFrame frame, Expr response, Family family, String weightsColumn) {
        if (response == null) {
            throw new InputException("the formula has no response (nothing left of '~')");
        }
        int n = frame.rows();
        double[] prior = priorWeights(frame, weightsColumn);
        double[] y;
        boolean binomial = family.distribution().name().equals("binomial");
        if (response instanceof Expr.Call c && c.function().equals("cbind")) {
            if (!binomial) {
                throw new InputException("cbind(successes, failures) is a binomial response; use {--family binomial}");
            }
            if (c.args().size() != 2) {
                throw new InputException("cbind() on the left of '~' takes two arguments: successes and failures");
            }
            double[] s = frame.numeric(c.args().get(0));
            double[] f = frame.numeric(c.args().get(1));
            y = new double[n];
            for (int r = 0; r < n; r++) {
                if (s[r] < 0 || f[r] < 0) {
                    throw new InputException("binomial counts must not be negative: " + c.deparse() + " is (" + s[r] + ", " + f[r] + ") at row " + (r + 1)
                            + (f[r] < 0 ? " (successes above trials?)" : ""));
                }
                double trials = s[r] + f[r];
                y[r] = trials > 0 ? s[r] / trials : 0;
                prior[r] *= trials;
            }
        } else {
            Column col = frame.column(response);
            if (col instanceof CategoricalColumn cat) {
                if (!binomial || cat.levelCount() != 2) {
                    throw new InputException("the response '" + response.deparse() + "' is categorical"
                            + (binomial ? " with " + cat.levelCount() + " levels; a binomial response needs two" : "; the " + family.name() + " family needs numbers"));
                }
                y = new double[n];
                for (int r = 0; r < n; r++) {
                    y[r] = cat.code(r);
                }
            } else {
                y = frame.numeric(response);
            }
        }
        for (int r = 0; r < n; r++) {
            family.distribution().checkResponse(y[r], prior[r], r + 1);
        }
        return new Response(y, prior);
    }

    private static void checkNotConstant(double[] y, double[] w, Expr response) {
        double first = Double.NaN;
        for (int r = 0; r < y.length; r++) {
            if (w[r] > 0) {
                if (Double.isNaN(first)) {
                    first = y[r];
                } else if (y[r] != first) {
                    return;
                }
            }
        }
        throw constant(response, first);
    }

    /** The error for a response whose every value (of rows with positive weight) is {@code value}. */
    public static InputException constant(Expr response, double value) {
        return new InputException("the response '" + response.deparse() + "' is constant (every value is " + value + "); there is nothing to model");
    }

    /** The prior weights from a column (1 without one), each finite and not negative. */
    static double[] priorWeights(ModelFrame frame, String weightsColumn) {
        double[] prior = weightsColumn == null ? ones(frame.rows()) : frame.weights(weightsColumn);
        for (int r = 0; r < prior.length; r++) {
            if (!(prior[r] >= 0) || Double.isInfinite(prior[r])) {
                throw new InputException("weights column '" + weightsColumn + "' has a negative or infinite value (" + prior[r] + ") at row " + (r + 1));
            }
        }
        return prior;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    public int rows() {
        return y.length;
    }
}
