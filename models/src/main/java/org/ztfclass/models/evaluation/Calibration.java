package org.ztfclass.models.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * How well the probabilities match observed frequencies. Immutable and thread-safe.
 *
 * <ul>
 * <li><b>Reliability curve</b>: the top-class confidence of each object (its largest
 *     probability, whose class is the argmax prediction) is put in one of {@link #DEFAULT_BINS}
 *     equal-width bins over {@code [0, 1]}; each bin gives its count, mean confidence and
 *     accuracy ({@link CalibrationBin}).</li>
 * <li><b>Expected calibration error</b> (ECE): {@code Σ_b (n_b / n)·|accuracy_b − meanConfidence_b|}
 *     over non-empty bins; 0 for a perfectly calibrated model, at most 1.</li>
 * <li><b>Brier score</b> (multi-class): mean over objects of
 *     {@code Σ_k (p_k − [y = k])²}; 0 is perfect, the maximum is 2.</li>
 * <li><b>Log loss</b>: mean over objects of {@code −ln p_y}, with {@code p_y} clipped to
 *     {@code [1e-15, 1 − 1e-15]} ({@link #LOG_LOSS_EPSILON}) so a confident mistake costs about
 *     34.5 instead of infinity.</li>
 * </ul>
 *
 * @param bins                     the reliability bins, by increasing confidence
 * @param expectedCalibrationError the ECE
 * @param brierScore               the multi-class Brier score
 * @param logLoss                  the clipped log loss
 */
public record Calibration(List<CalibrationBin> bins, double expectedCalibrationError, double brierScore, double logLoss) {

    /** Number of reliability bins. */
    public static final int DEFAULT_BINS = 10;

    /** Clipping of the true-class probability in the log loss. */
    public static final double LOG_LOSS_EPSILON = 1e-15;

    /** @throws IllegalArgumentException if {@code bins} is null or empty */
    public Calibration {
        if (bins == null || bins.isEmpty()) {
            throw new IllegalArgumentException("calibration needs at least one bin");
        }
        bins = List.copyOf(bins);
    }

    /**
     * Calibration with {@link #DEFAULT_BINS} bins.
     *
     * @throws IllegalArgumentException on invalid inputs (see {@link EvaluationInputs})
     */
    public static Calibration of(int[] trueClass, double[][] probabilities, int numClasses) {
        return of(trueClass, probabilities, numClasses, DEFAULT_BINS);
    }

    /**
     * Calibration with {@code numBins} equal-width bins; bin {@code b} is
     * {@code [b/numBins, (b+1)/numBins)}, the last one closed at 1.
     *
     * @throws IllegalArgumentException on invalid inputs or {@code numBins < 1}
     */
    public static Calibration of(int[] trueClass, double[][] probabilities, int numClasses, int numBins) {
        EvaluationInputs.check(trueClass, probabilities, numClasses);
        if (numBins < 1) {
            throw new IllegalArgumentException("numBins is " + numBins + "; at least 1 bin is needed");
        }
        int n = trueClass.length;
        int[] count = new int[numBins];
        double[] confidenceSum = new double[numBins];
        int[] correct = new int[numBins];
        double brier = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            double[] row = probabilities[i];
            int predicted = Argmax.of(row);
            double confidence = Math.min(row[predicted], 1.0);
            int b = Math.min((int) Math.floor(confidence * numBins), numBins - 1);
            count[b]++;
            confidenceSum[b] += confidence;
            if (predicted == trueClass[i]) {
                correct[b]++;
            }
            for (int k = 0; k < numClasses; k++) {
                double d = row[k] - (k == trueClass[i] ? 1 : 0);
                brier += d * d;
            }
            double pTrue = Math.min(Math.max(row[trueClass[i]], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
            logLoss -= Math.log(pTrue);
        }
        List<CalibrationBin> bins = new ArrayList<>(numBins);
        double ece = 0;
        for (int b = 0; b < numBins; b++) {
            double lower = b / (double) numBins;
            double upper = (b + 1) / (double) numBins;
            if (count[b] == 0) {
                bins.add(new CalibrationBin(lower, upper, 0, Double.NaN, Double.NaN));
                continue;
            }
            double meanConfidence = confidenceSum[b] / count[b];
            double accuracy = correct[b] / (double) count[b];
            bins.add(new CalibrationBin(lower, upper, count[b], meanConfidence, accuracy));
            ece += count[b] / (double) n * Math.abs(accuracy - meanConfidence);
        }
        return new Calibration(bins, ece, brier / n, logLoss / n);
    }
}
