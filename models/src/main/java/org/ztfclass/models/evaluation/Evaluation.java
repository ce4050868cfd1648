package org.ztfclass.models.evaluation;

import java.util.List;

/**
 * Everything measured about one model on one labelled set: discrimination (ROC, AUC), the argmax
 * decisions (confusion matrix, accuracy, balanced accuracy, per-class precision/recall/F1),
 * bootstrap intervals and calibration. NaN in any number means <em>undefined</em> for this data
 * (see {@link ClassMetrics}, {@link MacroAuc}, {@link ConfidenceInterval}). Built by
 * {@link Evaluator}; written by {@link EvaluationJson}, the SVG writers and {@link HtmlReport}.
 * Immutable (lists are copied, the confusion matrix is immutable) and thread-safe.
 *
 * @param modelName          name of the evaluated model
 * @param classNames         the K class names, in index order
 * @param n                  number of evaluated objects
 * @param perClass           the metrics of each class, in class order
 * @param rocCurves          the one-vs-rest ROC curve of each class, in class order
 * @param macroAuc           mean of the defined per-class AUCs and how many were defined
 * @param macroAucCi         bootstrap interval of the macro AUC
 * @param confusionMatrix    argmax confusion matrix, {@code [true][predicted]}
 * @param accuracy           fraction of objects whose argmax is the true class
 * @param balancedAccuracy   mean recall over classes with support &gt; 0
 * @param balancedAccuracyCi bootstrap interval of the balanced accuracy
 * @param calibration        reliability curve, ECE, Brier score, log loss
 * @param bootstrapSeed      seed that reproduces the intervals
 * @param bootstrapRounds    number of bootstrap resamples behind the intervals
 */
public record Evaluation(String modelName, List<String> classNames, int n, List<ClassMetrics> perClass,
                         List<RocCurve> rocCurves, MacroAuc macroAuc, ConfidenceInterval macroAucCi,
                         ConfusionMatrix confusionMatrix, double accuracy, double balancedAccuracy,
                         ConfidenceInterval balancedAccuracyCi, Calibration calibration, long bootstrapSeed,
                         int bootstrapRounds) {

    /** @throws IllegalArgumentException on a null part or parts that disagree on K or n */
    public Evaluation {
        if (modelName == null || classNames == null || perClass == null || rocCurves == null || macroAuc == null
                || macroAucCi == null || confusionMatrix == null || balancedAccuracyCi == null || calibration == null) {
            throw new IllegalArgumentException("no part of an Evaluation may be null (model " + modelName + ")");
        }
        EvaluationInputs.checkClassNames(classNames);
        int k = classNames.size();
        if (perClass.size() != k || rocCurves.size() != k || confusionMatrix.numClasses() != k
                || macroAuc.totalClasses() != k) {
            throw new IllegalArgumentException("parts disagree on the number of classes: " + k + " class names, "
                    + perClass.size() + " per-class metrics, " + rocCurves.size() + " ROC curves, confusion matrix "
                    + confusionMatrix.numClasses() + "×" + confusionMatrix.numClasses());
        }
        if (n != confusionMatrix.total()) {
            throw new IllegalArgumentException("n = " + n + " but the confusion matrix counts " + confusionMatrix.total());
        }
        if (bootstrapRounds < 0) {
            throw new IllegalArgumentException("bootstrapRounds is negative: " + bootstrapRounds);
        }
        classNames = List.copyOf(classNames);
        perClass = List.copyOf(perClass);
        rocCurves = List.copyOf(rocCurves);
    }

    /** K, the number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** Number of objects of each class, in class order. */
    public List<Integer> nPerClass() {
        return perClass.stream().map(ClassMetrics::support).toList();
    }
}
