package io.glimmer.correlation;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.formula.Formula;
import io.glimmer.response.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * From the prepared design and response to a {@link CorrelatedLinearMixedModel}: the checks a user
 * can get wrong before any row is read (family, spec, columns), the columns whose missing values
 * remove a row, and the residual groups.
 */
final class CorrelatedModelInput {
    private CorrelatedModelInput() {
    }

    static void check(DataFrame data, Formula f, FitOptions options) {
        if (options.family() != null && !options.family().equals("gaussian") || options.link() != null && !options.link().equals("identity")) {
            throw new InputException("{--correlation} applies to linear mixed models (gaussian family, identity link), not to "
                    + (options.family() == null ? "gaussian" : options.family()) + "(" + options.link() + ")");
        }
        if (f.response() == null) {
            throw new InputException("the formula has no response (nothing left of '~')");
        }
        CorrelationSpec spec = CorrelationSpec.parse(options.correlation());
        requireColumn(spec, data, spec.group(), spec.groupAt());
        if (spec.time() != null) {
            requireColumn(spec, data, spec.time(), spec.timeAt());
        }
    }

    /** The group and the time (when the structure has one): rows missing either are removed, as nlme's na.omit does. */
    static List<String> columns(CorrelationSpec spec) {
        List<String> columns = new ArrayList<>();
        columns.add(spec.group());
        if (spec.time() != null) {
            columns.add(spec.time());
        }
        return columns;
    }

    /**
     * @param rows          the data without rows missing the group or time
     * @param originalRows  each of those rows' 0-based row in the data as read
     * @param droppedBefore rows removed for a missing group or time
     */
    static CorrelatedLinearMixedModel model(CorrelationSpec spec, DataFrame rows, int[] originalRows, int droppedBefore, Design design,
                                            Response response, boolean reml) {
        return CorrelatedRows.of(spec, rows, originalRows, droppedBefore, design).model(design, response.y(), response.weights(), reml);
    }

    private static void requireColumn(CorrelationSpec spec, DataFrame data, String name, int position) {
        if (!data.has(name)) {
            throw spec.errorAt(position, "no column '" + name + "' in " + data.source()
                    + " (columns: " + String.join(", ", data.names()) + ")");
        }
    }
}
