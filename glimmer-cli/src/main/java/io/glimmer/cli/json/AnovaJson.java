package io.glimmer.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.ddf.AnovaTable;

import static io.glimmer.cli.json.Json.NODES;
import static io.glimmer.cli.json.Json.number;

/**
 * CONTRACT's JSON of {@code glimmer anova}: {"ddf": "satterthwaite", "type": 3, "tests": [{term, num_df,
 * den_df, F, p_value, sum_sq, mean_sq}]}, one test per fixed term in the formula's order; non-finite
 * numbers (a term with nothing estimable) are null.
 */
public final class AnovaJson {
    private AnovaJson() {
    }

    static ObjectNode toJson(AnovaTable table) {
        ObjectNode o = NODES.objectNode();
        o.put("ddf", table.ddf().label());
        o.put("type", table.type());
        ArrayNode tests = o.putArray("tests");
        for (AnovaTable.Row r : table.rows()) {
            ObjectNode e = tests.addObject();
            e.put("term", r.term());
            e.put("num_df", r.numDf());
            number(e, "den_df", r.denDf());
            number(e, "F", r.f());
            number(e, "p_value", r.pValue());
            number(e, "sum_sq", r.sumSq());
            number(e, "mean_sq", r.meanSq());
        }
        return o;
    }

    public static String write(AnovaTable table) {
        return Json.pretty(toJson(table));
    }
}
