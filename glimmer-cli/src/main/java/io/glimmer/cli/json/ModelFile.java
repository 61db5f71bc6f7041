package io.glimmer.cli.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.error.InputException;
import io.glimmer.cli.common.AtomicFile;
import io.glimmer.cli.common.VersionProvider;
import io.glimmer.design.StoredCoding;
import io.glimmer.predict.SavedModel;
import io.glimmer.predict.SavedRandomTerm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.glimmer.cli.json.Json.NODES;
import static io.glimmer.cli.json.Json.matrix;
import static io.glimmer.cli.json.Json.number;
import static io.glimmer.cli.json.Json.numbers;

/**
 * The saved-model file of {@code glimmer fit --save}: a {@link SavedModel} as one JSON object,
 * versioned by {@code format_version} so that a later glimmer can refuse (or convert) what it does not
 * read. Numbers are written with every digit Java has, so a round trip reproduces them exactly.
 *
 * <pre>
 * {"format": "glimmer-model", "format_version": 1, "glimmer_version": "...",
 *  "formula": "...", "family": "binomial", "link": "logit", "method": "Laplace", "n_obs": 56,
 *  "fixed_effects": {"terms": [...], "estimates": [...], "covariance": [[...], ...]},
 *  "theta": [...], "sigma": null,
 *  "categories": ["1", ...], "thresholds": [...],          (an ordinal model only)
 *  "factor_levels": {"period": ["1", "2", "3", "4"]},
 *  "scaling": {"scale(x)": {"center": 4.5, "scale": 2.87}},
 *  "random_effects": [{"group": "herd", "terms": ["(Intercept)"], "covariance": [[0.41]],
 *                      "levels": ["1", ...], "conditional_modes": [[0.58], ...]}],
 *  "nonlinear": {"parameters": ["Asym", "xmid", "scal"], "random_parameters": ["Asym"],   (a nonlinear model only)
 *                "fixed": "Asym ~ Type; xmid + scal ~ 1"}}
 * </pre>
 */
public final class ModelFile {
    static final String FORMAT = "glimmer-model";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    /** The model as the JSON object of the file. */
    static ObjectNode toJson(SavedModel m) {
        ObjectNode o = NODES.objectNode();
        o.put("format", FORMAT);
        o.put("format_version", SavedModel.FORMAT_VERSION);
        o.put("glimmer_version", VersionProvider.version());
        o.put("formula", m.formula());
        o.put("family", m.family());
        o.put("link", m.link());
        o.put("method", m.method());
        o.put("n_obs", m.nObs());
        ObjectNode fixed = o.putObject("fixed_effects");
        ArrayNode names = fixed.putArray("terms");
        m.coefficientNames().forEach(names::add);
        numbers(fixed.putArray("estimates"), m.beta());
        if (m.betaCovariance() == null) {
            fixed.putNull("covariance");
        } else {
            matrix(fixed.putArray("covariance"), m.betaCovariance());
        }
        numbers(o.putArray("theta"), m.theta());
        if (m.sigma() == null) {
            o.putNull("sigma");
        } else {
            number(o, "sigma", m.sigma());
        }
        if (m.ordinal()) { // an ordinal model's categories in order and the thresholds between them
            ArrayNode categories = o.putArray("categories");
            m.categories().forEach(categories::add);
            numbers(o.putArray("thresholds"), m.thresholds());
        }
        coding(o, m.coding());
        ArrayNode random = o.putArray("random_effects");
        for (SavedRandomTerm t : m.randomTerms()) {
            ObjectNode e = random.addObject();
            e.put("group", t.group());
            ArrayNode terms = e.putArray("terms");
            t.terms().forEach(terms::add);
            matrix(e.putArray("covariance"), t.covariance());
            ArrayNode lv = e.putArray("levels");
            t.levels().forEach(lv::add);
            matrix(e.putArray("conditional_modes"), t.modes());
        }
        SavedModel.ZeroInflation zi = m.zeroInflation();
        if (zi != null) { // --zi: absent from files of models without zero inflation (format version 1 either way)
            ObjectNode z = o.putObject("zero_inflation");
            z.put("formula", zi.formula());
            ArrayNode terms = z.putArray("terms");
            zi.names().forEach(terms::add);
            numbers(z.putArray("estimates"), zi.gamma());
            coding(z, zi.coding());
        }
        SavedModel.Nonlinear nl = m.nonlinear();
        if (nl != null) { // a nonlinear model: its mean is "formula", its β named by parameter (absent for every other model)
            ObjectNode n = o.putObject("nonlinear");
            ArrayNode parameters = n.putArray("parameters");
            nl.parameters().forEach(parameters::add);
            ArrayNode randomParameters = n.putArray("random_parameters");
            nl.randomParameters().forEach(randomParameters::add);
            if (nl.fixed() == null) {
                n.putNull("fixed");
            } else {
                n.put("fixed", nl.fixed());
            }
        }
        return o;
    }

    /** factor_levels and scaling: how the data were coded. */
    private static void coding(ObjectNode o, StoredCoding coding) {
        ObjectNode levels = o.putObject("factor_levels");
        coding.levels().forEach((k, v) -> {
            ArrayNode a = levels.putArray(k);
            v.forEach(a::add);
        });
        ObjectNode scaling = o.putObject("scaling");
        coding.scaling().forEach((k, v) -> {
            ObjectNode s = scaling.putObject(k);
            number(s, "center", v.center());
            number(s, "scale", v.scale());
        });
    }

    /** Writes the model; an InputException names a file that cannot be written. */
    public static void write(SavedModel m, String file) {
        Path p = AtomicFile.path(file, "--save");
        AtomicFile.write(p, file, Json.text(MAPPER.writer(), toJson(m)));
    }

    /** Reads a model file; an InputException for a missing file, other JSON or an unknown version. */
    public static SavedModel read(String file) {
        Path p = AtomicFile.path(file, "--model");
        JsonNode o;
        try {
            o = MAPPER.readTree(Files.readString(p, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such model file", e);
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": not a glimmer model file (not valid JSON: " + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the model file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        return fromJson(o, file);
    }

    /** The model of a file's JSON object. */
    static SavedModel fromJson(JsonNode o, String file) {
        if (o == null || !o.isObject() || !FORMAT.equals(o.path("format").asText(null))) {
            throw new InputException(file + ": not a glimmer model file (no \"format\": \"" + FORMAT + "\"; write one with glimmer fit --save)");
        }
        JsonNode version = o.get("format_version");
        if (version == null || !version.canConvertToInt()) {
            throw new InputException(file + ": the model file has no format_version");
        }
        if (version.asInt() != SavedModel.FORMAT_VERSION) {
            throw new InputException(file + ": model file format version " + version.asText() + " is not supported (this glimmer reads version "
                    + SavedModel.FORMAT_VERSION + "); fit the model again with this glimmer");
        }
        Reader r = new Reader(file);
        JsonNode fixed = r.object(o, "fixed_effects");
        List<String> names = r.strings(fixed, "terms");
        double[] beta = r.numbers(fixed, "estimates");
        JsonNode cov = fixed.get("covariance");
        double[][] vcov = cov == null || cov.isNull() ? null : r.matrix(fixed, "covariance");
        List<SavedRandomTerm> terms = new ArrayList<>();
        JsonNode re = o.get("random_effects");
        if (re == null || !re.isArray()) {
            throw r.missing("random_effects");
        }
        for (JsonNode t : re) {
            terms.add(new SavedRandomTerm(r.text(t, "group"), r.strings(t, "terms"), r.matrix(t, "covariance"),
                    r.strings(t, "levels"), r.matrix(t, "conditional_modes")));
        }
        JsonNode sigma = o.get("sigma");
        boolean ordinal = o.has("categories");
        try {
            JsonNode z = o.get("zero_inflation");
            SavedModel.ZeroInflation zi = z == null || z.isNull() ? null
                    : new SavedModel.ZeroInflation(r.text(z, "formula"), r.strings(z, "terms"), r.numbers(z, "estimates"), r.coding(z));
            JsonNode n = o.get("nonlinear");
            SavedModel.Nonlinear nl = n == null || n.isNull() ? null : new SavedModel.Nonlinear(r.strings(n, "parameters"),
                    r.strings(n, "random_parameters"), n.path("fixed").isTextual() ? n.get("fixed").asText() : null);
            return new SavedModel(r.text(o, "formula"), r.text(o, "family"), r.text(o, "link"), r.text(o, "method"),
                    o.path("n_obs").asInt(0), names, beta, vcov, r.numbers(o, "theta"),
                    sigma == null || sigma.isNull() ? null : sigma.asDouble(), r.coding(o), terms,
                    ordinal ? r.strings(o, "categories") : null, ordinal ? r.numbers(o, "thresholds") : null, zi, nl);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": the model file is inconsistent (" + e.getMessage() + ")", e);
        }
    }

    /** Reads fields, naming the file and the field when one is missing or of the wrong kind. */
    private record Reader(String file) {
        InputException missing(String field) {
            return new InputException(file + ": the model file has no valid '" + field + "'");
        }

        StoredCoding coding(JsonNode o) {
            Map<String, List<String>> levels = new LinkedHashMap<>();
            JsonNode fl = object(o, "factor_levels");
            for (Iterator<String> it = fl.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                levels.put(k, strings(fl, k));
            }
            Map<String, StoredCoding.Scaling> scaling = new LinkedHashMap<>();
            JsonNode sc = object(o, "scaling");
            for (Iterator<String> it = sc.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                JsonNode s = object(sc, k);
                scaling.put(k, new StoredCoding.Scaling(number(s, "center"), number(s, "scale")));
            }
            return new StoredCoding(levels, scaling);
        }

        JsonNode object(JsonNode o, String field) {
            JsonNode v = o.get(field);
            if (v == null || !v.isObject()) {
                throw missing(field);
            }
            return v;
        }

        String text(JsonNode o, String field) {
            JsonNode v = o.get(field);
            if (v == null || !v.isTextual()) {
                throw missing(field);
            }
            return v.asText();
        }

        double number(JsonNode o, String field) {
            JsonNode v = o.get(field);
            if (v == null || !(v.isNumber() || v.isNull())) {
                throw missing(field);
            }
            return v.isNull() ? Double.NaN : v.asDouble();
        }

        List<String> strings(JsonNode o, String field) {
            JsonNode v = o.get(field);
            if (v == null || !v.isArray()) {
                throw missing(field);
            }
            List<String> out = new ArrayList<>();
            for (JsonNode s : v) {
                if (!s.isTextual()) {
                    throw missing(field);
                }
                out.add(s.asText());
            }
            return out;
        }

        double[] numbers(JsonNode o, String field) {
            return numberArray(o.get(field), field);
        }

        /** An array of numbers, null standing for a value that was not finite. */
        double[] numberArray(JsonNode v, String field) {
            if (v == null || !v.isArray()) {
                throw missing(field);
            }
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode x = v.get(i);
                if (!(x.isNumber() || x.isNull())) {
                    throw missing(field);
                }
                out[i] = x.isNull() ? Double.NaN : x.asDouble();
            }
            return out;
        }

        double[][] matrix(JsonNode o, String field) {
            JsonNode v = o.get(field);
            if (v == null || !v.isArray()) {
                throw missing(field);
            }
            double[][] out = new double[v.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = numberArray(v.get(i), field);
            }
            return out;
        }
    }
}
