package org.ztfclass.models.evaluation;

import java.util.Arrays;

/**
 * The no-skill reference: a predictor that ignores its input and always answers the class
 * frequencies of the training labels. Every object gets the same row, so every one-vs-rest AUC
 * is exactly 0.5 (all pairs tie) wherever it is defined, and the argmax is always the majority
 * training class (the lowest index among equally frequent ones). Any model worth keeping must
 * beat its balanced accuracy (1/K when every class is present) and its Brier score and log loss.
 * Immutable and thread-safe.
 */
public final class MajorityBaseline {

    private final double[] frequencies;

    /**
     * Fits the baseline: the frequency of each class among {@code trainingLabels}.
     *
     * @param trainingLabels the training set's classes, each in {@code 0..numClasses-1}, at least one
     * @param numClasses     K, at least 2
     * @throws IllegalArgumentException if a label is out of range or there are none
     */
    public MajorityBaseline(int[] trainingLabels, int numClasses) {
        EvaluationInputs.checkNumClasses(numClasses);
        EvaluationInputs.checkLabels(trainingLabels, numClasses, "trainingLabels");
        int[] counts = new int[numClasses];
        for (int y : trainingLabels) {
            counts[y]++;
        }
        frequencies = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            frequencies[c] = counts[c] / (double) trainingLabels.length;
        }
    }

    /** The class frequencies of the training labels (a copy); they sum to 1. */
    public double[] frequencies() {
        return frequencies.clone();
    }

    /** The class the baseline always predicts: the most frequent, lowest index on ties. */
    public int majorityClass() {
        return Argmax.of(frequencies);
    }

    /**
     * The baseline's probability rows for {@code n} objects: {@code n} copies of
     * {@link #frequencies()} (independent arrays).
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public double[][] predict(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n is negative: " + n);
        }
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = frequencies.clone();
        }
        return rows;
    }

    /**
     * One-call form: the rows that a baseline fitted on {@code trainingLabels} gives to
     * {@code n} objects.
     */
    public static double[][] probabilities(int[] trainingLabels, int numClasses, int n) {
        return new MajorityBaseline(trainingLabels, numClasses).predict(n);
    }

    @Override
    public String toString() {
        return "MajorityBaseline" + Arrays.toString(frequencies);
    }
}
