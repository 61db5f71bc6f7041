package io.glimmer.family;

import java.util.List;

/**
 * What every distribution states the same way: R's name, whether the dispersion is free, the links R
 * accepts (canonical first), and the checks of a usable weight and a finite response that come before
 * the distribution's own check of the response's range.
 */
abstract class BaseDistribution implements Distribution {
    private final String name;
    private final boolean dispersion;
    private final List<Link> links;

    BaseDistribution(String name, boolean dispersion, Link... links) {
        this.name = name;
        this.dispersion = dispersion;
        this.links = List.of(links);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean hasDispersion() {
        return dispersion;
    }

    @Override
    public final Link canonicalLink() {
        return links.get(0);
    }

    @Override
    public final List<Link> links() {
        return links;
    }

    /** R's {@code mustart} for the continuous families: the response itself. */
    @Override
    public double initialMu(double y, double weight) {
        return y;
    }

    @Override
    public void checkResponse(double y, double weight, int row) {
        ResponseChecks.checkWeight(weight, row);
        ResponseChecks.checkFinite(name, y, row);
        checkRange(y, row);
    }

    /** The distribution's own check of a finite response (none by default). */
    void checkRange(double y, int row) {
    }

    @Override
    public final String toString() {
        return name;
    }
}
