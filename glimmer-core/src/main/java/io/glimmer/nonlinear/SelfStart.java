package io.glimmer.nonlinear;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * R's self-starting nonlinear models (package stats): each is a template of the model language in
 * its arguments, and an algorithm for initial values from the data ({@link SelfStartValues}), so
 * that {@code --start} may be left out.
 */
public enum SelfStart {
    SSlogis("Asym / (1 + exp((xmid - input) / scal))", List.of("input"), List.of("Asym", "xmid", "scal")),
    SSfpl("A + (B - A) / (1 + exp((xmid - input) / scal))", List.of("input"), List.of("A", "B", "xmid", "scal")),
    SSasymp("Asym + (R0 - Asym) * exp(-exp(lrc) * input)", List.of("input"), List.of("Asym", "R0", "lrc")),
    SSasympOff("Asym * (1 - exp(-exp(lrc) * (input - c0)))", List.of("input"), List.of("Asym", "lrc", "c0")),
    SSasympOrig("Asym * (1 - exp(-exp(lrc) * input))", List.of("input"), List.of("Asym", "lrc")),
    SSmicmen("Vm * input / (K + input)", List.of("input"), List.of("Vm", "K")),
    SSgompertz("Asym * exp(-b2 * b3^x)", List.of("x"), List.of("Asym", "b2", "b3")),
    SSweibull("Asym - Drop * exp(-exp(lrc) * x^pwr)", List.of("x"), List.of("Asym", "Drop", "lrc", "pwr")),
    SSbiexp("A1 * exp(-exp(lrc1) * input) + A2 * exp(-exp(lrc2) * input)", List.of("input"), List.of("A1", "lrc1", "A2", "lrc2")),
    SSfol("Dose * exp(lKe + lKa - lCl) * (exp(-exp(lKe) * input) - exp(-exp(lKa) * input)) / (exp(lKa) - exp(lKe))",
            List.of("Dose", "input"), List.of("lKe", "lKa", "lCl"));

    private final String template;
    private final List<String> inputs;
    private final List<String> parameters;

    SelfStart(String template, List<String> inputs, List<String> parameters) {
        this.template = template;
        this.inputs = inputs;
        this.parameters = parameters;
    }

    /** The model's formal arguments in R's order: inputs first, then parameters. */
    public List<String> arguments() {
        List<String> all = new java.util.ArrayList<>(inputs);
        all.addAll(parameters);
        return all;
    }

    public int inputCount() {
        return inputs.size();
    }

    public List<String> parameters() {
        return parameters;
    }

    public String template() {
        return template;
    }

    /** The model with its formal arguments replaced by the expressions given, in {@link #arguments()} order. */
    ModelExpression expand(List<ModelExpression> args) {
        List<String> formals = arguments();
        Map<String, ModelExpression> bound = new HashMap<>();
        for (int i = 0; i < formals.size(); i++) {
            bound.put(formals.get(i), args.get(i));
        }
        return ExpressionParser.expression(template, (name, position) -> bound.get(name));
    }

    public static java.util.Optional<SelfStart> find(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
