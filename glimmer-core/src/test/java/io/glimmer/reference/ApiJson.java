package io.glimmer.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.RandomEffectCorrelation;
import io.glimmer.fit.VarianceComponent;

/** The parts of CONTRACT's JSON a reference compares, from a fit of the Java API (the core has no JSON writer). */
public final class ApiJson {
    private ApiJson() {
    }

    public static JsonNode of(MixedModelFit fit) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        if (Double.isFinite(fit.logLikelihood())) {
            o.put("log_likelihood", fit.logLikelihood());
        }
        o.put("residual_std_dev", fit.residualStdDev());
        ArrayNode fe = o.putArray("fixed_effects");
        for (FixedEffect f : fit.fixedEffects()) {
            fe.addObject().put("term", f.term()).put("estimate", f.estimate()).put("std_error", f.stdError());
        }
        ArrayNode th = o.putArray("thresholds");
        for (FixedEffect f : fit.thresholds()) {
            th.addObject().put("term", f.term()).put("estimate", f.estimate()).put("std_error", f.stdError());
        }
        ArrayNode re = o.putArray("random_effects");
        for (VarianceComponent v : fit.randomEffects()) {
            re.addObject().put("group", v.group()).put("term", v.term()).put("variance", v.variance()).put("std_dev", v.stdDev());
        }
        ArrayNode cor = o.putArray("random_effect_correlations");
        for (RandomEffectCorrelation c : fit.correlations()) {
            cor.addObject().put("group", c.group()).put("term1", c.term1()).put("term2", c.term2()).put("correlation", c.correlation());
        }
        return o;
    }
}
