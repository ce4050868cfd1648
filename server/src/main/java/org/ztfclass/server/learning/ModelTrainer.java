package org.ztfclass.server.learning;

import java.util.List;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.LabelledObject;

/**
 * The one seam through which retraining and the simulation train a model: labelled objects in, a
 * bundle out. Today it is {@link TrainingRun} (XGBoost); a fused model plugs in here.
 */
@FunctionalInterface
public interface ModelTrainer {

    /** The project's training ({@link TrainingRun#train}). */
    ModelTrainer DEFAULT = (labelled, seed) -> TrainingRun.train(labelled, seed).bundle();

    /**
     * @throws IllegalArgumentException if the objects cannot train a model (e.g. a class too small)
     * @throws Exception                if training fails
     */
    ModelBundle train(List<LabelledObject> labelled, long seed) throws Exception;
}
