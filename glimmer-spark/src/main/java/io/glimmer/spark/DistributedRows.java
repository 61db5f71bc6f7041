package io.glimmer.spark;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.formula.Formula;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * A model's rows on the executors: the columns the formula reads, complete rows only (the others
 * counted, as the core's model frame drops them), each categorical column's levels found by a
 * distributed distinct (levels travel to the driver, rows never do), then one {@link RowBlock} per
 * partition, cached. {@link #unpersist} releases them.
 */
final class DistributedRows implements AutoCloseable {
    final ModelPlan plan;
    final JavaRDD<RowBlock> blocks;
    /** Rows removed for a missing value in a column the model reads. */
    final long dropped;

    private DistributedRows(ModelPlan plan, JavaRDD<RowBlock> blocks, long dropped) {
        this.plan = plan;
        this.blocks = blocks;
        this.dropped = dropped;
    }

    /**
     * The formula's columns typed, the complete rows, and the plan (categorical levels found by a distributed distinct).
     *
     * @param complete the complete rows, columns in the plan's order
     * @param total    rows before incomplete ones were removed
     */
    record Selected(ModelPlan plan, Dataset<Row> complete, long total) {
    }

    static Selected select(Dataset<Row> data, String source, Formula formula, FitOptions options) {
        List<String> names = new ArrayList<>(formula.variables());
        Set<String> present = new HashSet<>(Arrays.asList(data.columns()));
        for (String name : names) {
            if (!present.contains(name)) {
                throw new InputException(source + ": no column '" + name + "' (columns: " + String.join(", ", data.columns()) + ")");
            }
        }
        boolean[] categorical = new boolean[names.size()];
        Column[] selected = new Column[names.size()];
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            DataType type = field(data, name).dataType();
            categorical[c] = options.factors().contains(name) || !(type instanceof NumericType);
            if (categorical[c] && !(type instanceof NumericType) && type != DataTypes.StringType && type != DataTypes.BooleanType) {
                throw new InputException(source + ": column '" + name + "' has type " + type.simpleString()
                        + "; the model reads numbers and text only");
            }
            selected[c] = col(name).cast(categorical[c] ? DataTypes.StringType : DataTypes.DoubleType).as(name);
        }
        Dataset<Row> typed = data.select(selected);
        Dataset<Row> complete = typed.na().drop(names.toArray(String[]::new));
        long total = typed.count();
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            if (categorical[c]) {
                Set<String> distinct = new HashSet<>();
                for (Row r : complete.select(names.get(c)).distinct().collectAsList()) {
                    distinct.add(r.getString(0));
                }
                levels.put(names.get(c), CategoricalColumn.sortedLevels(distinct));
            }
        }
        return new Selected(new ModelPlan(source, formula.text(), names, categorical, levels), complete, total);
    }

    static DistributedRows of(Dataset<Row> data, String source, Formula formula, FitOptions options) {
        Selected selected = select(data, source, formula, options);
        ModelPlan plan = selected.plan();
        Dataset<Row> complete = selected.complete();
        long total = selected.total();
        List<String> names = plan.columns();
        JavaRDD<RowBlock> blocks = complete.javaRDD().mapPartitions(it -> List.of(RowBlock.of(it, plan)).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK());
        long kept = blocks.map(b -> (long) b.rows).fold(0L, Long::sum);
        if (kept == 0) {
            throw new InputException(source + ": every row has a missing value in a variable the model uses (" + String.join(", ", names) + ")");
        }
        return new DistributedRows(plan, blocks, total - kept);
    }

    private static StructField field(Dataset<Row> data, String name) {
        return data.schema().apply(name);
    }

    /** The formula's k-th random-effects term's grouping levels over every partition, in the core's order. */
    List<String> groupLevels(int k) {
        Set<String> distinct = new HashSet<>(blocks.flatMap(b -> Arrays.asList(b.terms[k].levels()).iterator()).distinct().collect());
        return CategoricalColumn.sortedLevels(distinct);
    }

    @Override
    public void close() {
        blocks.unpersist(false);
    }
}
