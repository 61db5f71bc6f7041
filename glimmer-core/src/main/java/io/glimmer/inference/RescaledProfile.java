package io.glimmer.inference;

/**
 * A fixed effect's profile read on its column's original scale: the fit profiled β' = s·β of the
 * column divided by s, so ζ at β is ζ' at s·β.
 */
record RescaledProfile(ProfileCurve scaled, double s) implements ProfileCurve {
    @Override
    public double estimate() {
        return scaled.estimate() / s;
    }

    @Override
    public double lower() {
        return scaled.lower() / s;
    }

    @Override
    public double upper() {
        return scaled.upper() / s;
    }

    @Override
    public double step() {
        return scaled.step() / s;
    }

    @Override
    public double zeta(double x) {
        return scaled.zeta(x * s);
    }
}
