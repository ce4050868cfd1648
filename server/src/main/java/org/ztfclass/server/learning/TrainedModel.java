package org.ztfclass.server.learning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.LabelledObject;

/**
 * A bundle trained, evaluated on its held-out objects and saved with its report: what
 * {@code train} and the demo's first start both do.
 *
 * @param bundle     the model, saved
 * @param evaluation its held-out evaluation, written to {@code DIR/report}
 */
public record TrainedModel(ModelBundle bundle, ModelEvaluation evaluation) {

    /**
     * @throws IllegalArgumentException if a class has too few labelled objects
     */
    public static TrainedModel trainAndSave(List<LabelledObject> labelled, long seed, Path dir) throws XGBoostError, IOException {
        return trainAndSave(labelled, seed, dir, org.ztfclass.models.neural.TrainingProgress.SILENT);
    }

    /**
     * @param progress told after each epoch of each branch
     * @throws IllegalArgumentException if a class has too few labelled objects
     */
    public static TrainedModel trainAndSave(List<LabelledObject> labelled, long seed, Path dir,
                                            org.ztfclass.models.neural.TrainingProgress progress) throws XGBoostError, IOException {
        TrainingRun run = TrainingRun.train(labelled, seed, progress);
        ModelEvaluation evaluation = ModelEvaluation.of(run.bundle(), run.split().train(), run.split().test(), seed);
        evaluation.recordIn(run.bundle());
        run.bundle().save(dir);
        evaluation.writeReport(dir.resolve("report"));
        return new TrainedModel(run.bundle(), evaluation);
    }
}
