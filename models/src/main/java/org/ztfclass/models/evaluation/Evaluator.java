package org.ztfclass.models.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes an {@link Evaluation} from true classes and predicted probabilities. The inputs are
 * checked ({@link EvaluationInputs}) and never modified; the result shares no array with them.
 * Stateless and thread-safe; the same inputs and seed give an identical result.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Evaluates with {@link Bootstrap#DEFAULT_ROUNDS} bootstrap rounds.
     *
     * @see #evaluate(String, int[], double[][], List, long, int)
     */
    public static Evaluation evaluate(String modelName, int[] trueClass, double[][] probabilities,
                                      List<String> classNames, long seed) {
        return evaluate(modelName, trueClass, probabilities, classNames, seed, Bootstrap.DEFAULT_ROUNDS);
    }

    /**
     * Evaluates one model.
     *
     * @param modelName       a non-blank name shown in reports
     * @param trueClass       true class of each object, in {@code 0..K-1}
     * @param probabilities   {@code n × K} probabilities, rows summing to 1
     * @param classNames      the K class names
     * @param seed            bootstrap seed
     * @param bootstrapRounds bootstrap resamples, {@code >= 0} (0: intervals undefined)
     * @return the evaluation
     * @throws IllegalArgumentException on a blank name, invalid inputs or negative rounds
     */
    public static Evaluation evaluate(String modelName, int[] trueClass, double[][] probabilities,
                                      List<String> classNames, long seed, int bootstrapRounds) {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("modelName is " + (modelName == null ? "null" : "blank"));
        }
        EvaluationInputs.check(trueClass, probabilities, classNames);
        Bootstrap bootstrap = new Bootstrap(seed, bootstrapRounds); // checks rounds before the work
        int k = classNames.size();

        List<RocCurve> curves = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            double[] scores = MannWhitneyAuc.column(probabilities, c);
            curves.add(RocCurve.of(classNames.get(c), scores, MannWhitneyAuc.positives(trueClass, c),
                    MannWhitneyAuc.ascendingOrder(scores)));
        }
        MacroAuc macro = MacroAuc.ofCurves(curves);
        ConfusionMatrix cm = ConfusionMatrix.ofPredictions(trueClass, Argmax.ofEach(probabilities), k);
        BootstrapResult ci = bootstrap.run(trueClass, probabilities, k);

        List<ClassMetrics> perClass = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            perClass.add(new ClassMetrics(classNames.get(c), cm.support(c), curves.get(c).auc(), ci.perClassAuc().get(c),
                    cm.precision(c), cm.recall(c), cm.f1(c)));
        }
        return new Evaluation(modelName, classNames, trueClass.length, perClass, curves, macro, ci.macroAuc(), cm,
                cm.accuracy(), cm.balancedAccuracy(), ci.balancedAccuracy(), Calibration.of(trueClass, probabilities, k),
                seed, bootstrapRounds);
    }
}
