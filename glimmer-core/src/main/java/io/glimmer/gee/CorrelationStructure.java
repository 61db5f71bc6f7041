package io.glimmer.gee;

import io.glimmer.options.Choices;
import io.glimmer.error.InputException;
import java.util.List;
import java.util.Locale;

/** The working correlation structures of {@code --corstr}, named as geepack names them. */
public enum CorrelationStructure {
    INDEPENDENCE, EXCHANGEABLE, AR1, UNSTRUCTURED;

    /** geepack's name: the constant's name in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The structure with this name; like geepack's pmatch, a unique prefix such as "exch" is
     * enough. Null means independence (geeglm's default).
     *
     * @throws InputException naming the choices when the name matches none (or several)
     */
    public static CorrelationStructure parse(String name) {
        if (name == null) {
            return INDEPENDENCE;
        }
        List<CorrelationStructure> all = List.of(values());
        return Choices.findByPrefix(all, CorrelationStructure::label, name.strip()).orElseThrow(() ->
                new InputException("unknown working correlation '" + name + "' for {--corstr} (choose one of: "
                        + Choices.list(all, CorrelationStructure::label) + ")"));
    }

    /** The structure's correlation model for clusters of at most {@code maxClusterSize} rows. */
    WorkingCorrelation create(int maxClusterSize) {
        return switch (this) {
            case INDEPENDENCE -> new IndependenceCorrelation();
            case EXCHANGEABLE -> new ExchangeableCorrelation();
            case AR1 -> new Ar1WorkingCorrelation();
            case UNSTRUCTURED -> new UnstructuredCorrelation(maxClusterSize);
        };
    }
}
