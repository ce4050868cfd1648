package org.ztfclass.models.evaluation;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs, the predicted class being the argmax of the
 * probability row ({@link Argmax}: ties go to the lowest index). Rows are true classes,
 * columns predicted classes. Derived metrics follow the usual definitions; one that divides by
 * zero is <em>undefined</em> and returned as NaN:
 * <ul>
 * <li>precision(c) = TP / (TP + FP), NaN if class c was never predicted;</li>
 * <li>recall(c) = TP / (TP + FN), NaN if class c has no true objects (support 0);</li>
 * <li>F1(c) = 2·TP / (2·TP + FP + FN) (the harmonic mean of precision and recall, and 0 when
 *     one of them is 0), NaN only if class c is neither present nor predicted;</li>
 * <li>accuracy = trace / total;</li>
 * <li>balanced accuracy = mean recall over the classes with support &gt; 0.</li>
 * </ul>
 * Immutable (the counts are copied in and out) and thread-safe.
 */
public final class ConfusionMatrix {

    private final int[][] counts;
    private final long total;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
        long t = 0;
        for (int[] row : counts) {
            for (int v : row) {
                t += v;
            }
        }
        this.total = t;
    }

    /**
     * The matrix of argmax predictions.
     *
     * @throws IllegalArgumentException on invalid inputs (see {@link EvaluationInputs})
     */
    public static ConfusionMatrix of(int[] trueClass, double[][] probabilities, int numClasses) {
        EvaluationInputs.check(trueClass, probabilities, numClasses);
        return ofPredictions(trueClass, Argmax.ofEach(probabilities), numClasses);
    }

    /**
     * The matrix of given predicted classes.
     *
     * @throws IllegalArgumentException if labels or predictions are invalid or of different lengths
     */
    public static ConfusionMatrix ofPredictions(int[] trueClass, int[] predictedClass, int numClasses) {
        EvaluationInputs.checkNumClasses(numClasses);
        EvaluationInputs.checkLabels(trueClass, numClasses, "trueClass");
        EvaluationInputs.checkLabels(predictedClass, numClasses, "predictedClass");
        if (trueClass.length != predictedClass.length) {
            throw new IllegalArgumentException("trueClass has " + trueClass.length + " entries but predictedClass has "
                    + predictedClass.length);
        }
        int[][] c = new int[numClasses][numClasses];
        for (int i = 0; i < trueClass.length; i++) {
            c[trueClass[i]][predictedClass[i]]++;
        }
        return new ConfusionMatrix(c);
    }

    /**
     * A matrix from its counts (e.g. read back from JSON); {@code counts[t][p]} is the number of
     * objects of true class t predicted as p.
     *
     * @throws IllegalArgumentException if the matrix is not square K×K with K &gt;= 2, or has a negative count
     */
    public static ConfusionMatrix ofCounts(int[][] counts) {
        if (counts == null) {
            throw new IllegalArgumentException("counts is null");
        }
        EvaluationInputs.checkNumClasses(counts.length);
        int[][] copy = new int[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] == null || counts[t].length != counts.length) {
                throw new IllegalArgumentException("counts[" + t + "] has " + (counts[t] == null ? "no" : counts[t].length)
                        + " columns; the matrix must be " + counts.length + "×" + counts.length);
            }
            for (int p = 0; p < counts.length; p++) {
                if (counts[t][p] < 0) {
                    throw new IllegalArgumentException("counts[" + t + "][" + p + "] = " + counts[t][p] + " is negative");
                }
            }
            copy[t] = counts[t].clone();
        }
        return new ConfusionMatrix(copy);
    }

    /** The number of classes K. */
    public int numClasses() {
        return counts.length;
    }

    /** Objects of true class {@code trueClass} predicted as {@code predictedClass}. */
    public int count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** A copy of the counts, {@code [true][predicted]}. */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    /** All objects. */
    public long total() {
        return total;
    }

    /** Objects whose true class is {@code c}. */
    public int support(int c) {
        int s = 0;
        for (int v : counts[c]) {
            s += v;
        }
        return s;
    }

    /** Objects predicted as {@code c}. */
    public int predicted(int c) {
        int s = 0;
        for (int[] row : counts) {
            s += row[c];
        }
        return s;
    }

    /** TP / (TP + FP); NaN if class {@code c} was never predicted. */
    public double precision(int c) {
        int predicted = predicted(c);
        return predicted == 0 ? Double.NaN : counts[c][c] / (double) predicted;
    }

    /** TP / (TP + FN); NaN if class {@code c} has no objects. */
    public double recall(int c) {
        int support = support(c);
        return support == 0 ? Double.NaN : counts[c][c] / (double) support;
    }

    /** 2·TP / (2·TP + FP + FN); NaN if class {@code c} is neither present nor predicted. */
    public double f1(int c) {
        long denominator = (long) support(c) + predicted(c);
        return denominator == 0 ? Double.NaN : 2.0 * counts[c][c] / denominator;
    }

    /** Correct predictions over all objects; NaN for an empty matrix. */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return total == 0 ? Double.NaN : correct / (double) total;
    }

    /** Mean recall over the classes with support &gt; 0; NaN for an empty matrix. */
    public double balancedAccuracy() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.length; c++) {
            double r = recall(c);
            if (!Double.isNaN(r)) {
                sum += r;
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts);
    }
}
