package org.ztfclass.models.neural;

/** Told after each epoch of a branch's training; the CLI draws one progress bar per branch. */
@FunctionalInterface
public interface TrainingProgress {

    /** Reports nothing. */
    TrainingProgress SILENT = (branch, done, total) -> { };

    /**
     * @param branch the branch's name ({@code xgboost}, {@code lstm}, {@code cnn}, {@code fusion})
     * @param done   epochs (or steps) done
     * @param total  epochs (or steps) in all
     */
    void step(String branch, int done, int total);
}
