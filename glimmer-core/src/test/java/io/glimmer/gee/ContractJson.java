package io.glimmer.gee;

import io.glimmer.fit.EstimatorDetails;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;

/** The parts of CONTRACT's JSON a GEE reference checks, built from a fit (the CLI writes the same names). */
final class ContractJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractJson() {
    }

    static ObjectNode of(MixedModelFit fit) {
        ObjectNode root = JSON.createObjectNode();
        root.put("family", fit.family()).put("link", fit.link()).put("method", fit.method());
        root.put("n_obs", fit.nObs()).put("n_dropped", fit.nDropped()).put("df", fit.df());
        var fe = root.putArray("fixed_effects");
        for (FixedEffect f : fit.fixedEffects()) {
            fe.addObject().put("term", f.term()).put("estimate", f.estimate()).put("std_error", f.stdError())
                    .put("statistic", f.statistic()).put("p_value", f.pValue());
        }
        if (fit.details(EstimatorDetails.Gee.class).singleAlpha() == null) {
            root.putNull("correlation_alpha");
        } else {
            root.put("correlation_alpha", fit.details(EstimatorDetails.Gee.class).singleAlpha());
        }
        root.put("scale", fit.details(EstimatorDetails.Gee.class).scale());
        return root;
    }
}
