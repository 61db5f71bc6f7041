package io.glimmer.spark;

import org.apache.spark.sql.Row;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A partition's rows, sorted by their block, as one {@link PartModel} per block: each run of rows
 * with the same block number is read into the core's model of those rows, one run at a time (the
 * rows are not held together beyond a block).
 */
final class BlockRuns implements Iterator<PartModel> {
    private final Iterator<Row> rows;
    private final int blockColumn;
    private final PartModel.Setting setting;
    private Row pending;

    /** @param blockColumn the rows' column holding their block number */
    BlockRuns(Iterator<Row> rows, int blockColumn, PartModel.Setting setting) {
        this.rows = rows;
        this.blockColumn = blockColumn;
        this.setting = setting;
        this.pending = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public PartModel next() {
        if (pending == null) {
            throw new NoSuchElementException();
        }
        int block = pending.getInt(blockColumn);
        Iterator<Row> run = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pending != null && pending.getInt(blockColumn) == block;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = pending;
                pending = rows.hasNext() ? rows.next() : null;
                return r;
            }
        };
        PartModel model = PartModel.of(run, setting, block);
        while (run.hasNext()) { // the model read every row of its block; this only guards the next block's start
            run.next();
        }
        return model;
    }
}
