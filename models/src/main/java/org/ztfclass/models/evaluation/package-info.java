/**
 * Evaluation of a probabilistic classifier over K classes (for ztfclass: SN Ia, SN II, other):
 * one-vs-rest ROC curves and their exact Mann–Whitney AUC, the argmax confusion matrix with
 * per-class precision, recall and F1, accuracy and balanced accuracy, bootstrap confidence
 * intervals, calibration (reliability curve, ECE, Brier score, log loss), a majority-class
 * baseline, and writers for JSON, SVG plots and one self-contained HTML report.
 *
 * <p>Common inputs, checked by {@link org.ztfclass.models.evaluation.EvaluationInputs}:
 * {@code int[] trueClass} (values {@code 0..K-1}), {@code double[][] probabilities}
 * ({@code n} rows of {@code K} columns, each row summing to about 1) and
 * {@code List<String> classNames} (size {@code K}).
 *
 * <p>Conventions for the whole package:
 * <ul>
 * <li>A number that is <em>undefined</em> for the data (the AUC of a class with no positives, the
 *     precision of a class never predicted, the statistics of an empty calibration bin) is
 *     {@code Double.NaN}, never an exception and never a made-up 0. Writers show it as
 *     "undefined" (HTML, SVG) or {@code null} (JSON).</li>
 * <li>The predicted class of a row is its argmax, ties going to the lowest class index
 *     ({@link org.ztfclass.models.evaluation.Argmax}).</li>
 * <li>Every result type is immutable and every method is free of shared state, so all of it is
 *     safe to use from several threads.</li>
 * <li>Bad input raises {@link java.lang.IllegalArgumentException} with a message that names the
 *     offending argument, index and value.</li>
 * </ul>
 */
package org.ztfclass.models.evaluation;
