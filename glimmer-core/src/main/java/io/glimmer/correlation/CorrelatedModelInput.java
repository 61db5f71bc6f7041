package io.glimmer.correlation;

import io.glimmer.FitOptions;
import io.glimmer.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.formula.Formula;

import java.util.ArrayList;
import java.util.List;

/**
 * From data, formula and options to a {@link CorrelatedLinearMixedModel}: parses the spec, drops rows
 * with a missing time or group, builds the design and the residual groups, and checks everything a
 * user can get wrong before any fitting starts.
 */
final class CorrelatedModelInput {
    private CorrelatedModelInput() {
    }

    static CorrelatedLinearMixedModel model(DataFrame data, Formula f, FitOptions options, boolean reml) {
        if (options.family() != null && !options.family().equals("gaussian") || options.link() != null && !options.link().equals("identity")) {
            throw new InputException("--correlation applies to linear mixed models (gaussian family, identity link), not to "
                    + (options.family() == null ? "gaussian" : options.family()) + "(" + options.link() + ")");
        }
        if (f.response() == null) {
            throw new InputException("the formula has no response (nothing left of '~')");
        }
        CorrelationSpec spec = CorrelationSpec.parse(options.correlation());
        List<String> columns = new ArrayList<>();
        requireColumn(spec, data, spec.group(), spec.groupAt(), columns);
        if (spec.time() != null) {
            requireColumn(spec, data, spec.time(), spec.timeAt(), columns);
        }
        CompleteCases cc = CompleteCases.of(data, columns);
        Design design = Design.of(cc.data(), f, options.weights());
        double[] y = design.frame().numeric(f.response());
        double[] w = options.weights() == null ? null : design.frame().weights(options.weights());
        if (w != null) {
            for (double v : w) {
                if (!(v > 0)) {
                    throw new InputException("weights column '" + options.weights() + "' has a value that is not positive (" + v + ")");
                }
            }
        }
        ResidualGroups groups = ResidualGroups.of(spec, cc.data(), design.frame().keptRows(), cc.originalRows());
        groups.checkNested(spec, design.randomTerms());
        groups.checkTimes(spec);
        return new CorrelatedLinearMixedModel(design, y, w, reml, spec, groups, cc.dropped());
    }

    private static void requireColumn(CorrelationSpec spec, DataFrame data, String name, int position, List<String> out) {
        if (!data.has(name)) {
            throw spec.errorAt(position, "no column '" + name + "' in " + data.source()
                    + " (columns: " + String.join(", ", data.names()) + ")");
        }
        out.add(name);
    }
}
