package org.ztfclass.models.evaluation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks of the common evaluation inputs. Each check throws {@link IllegalArgumentException}
 * whose message names the argument, the index and the offending value; nothing is modified.
 * Stateless and thread-safe.
 */
public final class EvaluationInputs {

    /**
     * How far the sum of a probability row may be from 1 (float32 model outputs are a few 1e-7
     * off; anything beyond 1e-4 is a bug upstream, e.g. unnormalised scores).
     */
    public static final double ROW_SUM_TOLERANCE = 1e-4;

    private EvaluationInputs() {
    }

    /**
     * Checks labels, probabilities and class names together.
     *
     * @param trueClass     true class of each object, each in {@code 0..K-1}
     * @param probabilities {@code n} rows of {@code K} probabilities, finite, in {@code [0, 1]},
     *                      each row summing to 1 within {@link #ROW_SUM_TOLERANCE}
     * @param classNames    the {@code K >= 2} class names, non-blank and distinct
     * @throws IllegalArgumentException if anything is missing, mismatched or out of range
     */
    public static void check(int[] trueClass, double[][] probabilities, List<String> classNames) {
        checkClassNames(classNames);
        check(trueClass, probabilities, classNames.size());
    }

    /**
     * Checks labels and probabilities for {@code numClasses} classes (see
     * {@link #check(int[], double[][], List)}).
     *
     * @throws IllegalArgumentException if anything is missing, mismatched or out of range
     */
    public static void check(int[] trueClass, double[][] probabilities, int numClasses) {
        checkNumClasses(numClasses);
        checkLabels(trueClass, numClasses, "trueClass");
        if (probabilities == null) {
            throw new IllegalArgumentException("probabilities is null");
        }
        if (probabilities.length != trueClass.length) {
            throw new IllegalArgumentException("trueClass has " + trueClass.length + " entries but probabilities has "
                    + probabilities.length + " rows; they must describe the same objects");
        }
        for (int i = 0; i < probabilities.length; i++) {
            checkRow(probabilities[i], i, numClasses);
        }
    }

    /**
     * The number of classes {@code K} of a probability matrix: the length of its first row.
     *
     * @throws IllegalArgumentException if the matrix is null, has no rows or its first row is null
     */
    public static int numClassesOf(double[][] probabilities) {
        if (probabilities == null) {
            throw new IllegalArgumentException("probabilities is null");
        }
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("probabilities has no rows; at least one object is needed");
        }
        if (probabilities[0] == null) {
            throw new IllegalArgumentException("probabilities[0] is null");
        }
        return probabilities[0].length;
    }

    /**
     * Checks a list of class names: non-null, at least two, each non-blank, no duplicates.
     *
     * @throws IllegalArgumentException naming the first problem found
     */
    public static void checkClassNames(List<String> classNames) {
        if (classNames == null) {
            throw new IllegalArgumentException("classNames is null");
        }
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("classNames has " + classNames.size()
                    + " entries; at least 2 classes are needed");
        }
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < classNames.size(); c++) {
            String name = classNames.get(c);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("classNames[" + c + "] is " + (name == null ? "null" : "blank"));
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("classNames[" + c + "] = \"" + name + "\" is a duplicate");
            }
        }
    }

    /**
     * Checks that {@code numClasses >= 2}.
     *
     * @throws IllegalArgumentException if not
     */
    public static void checkNumClasses(int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses is " + numClasses + "; at least 2 classes are needed");
        }
    }

    /**
     * Checks a label array: non-null, non-empty, each value in {@code 0..numClasses-1}.
     *
     * @param what the argument's name, for the message
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static void checkLabels(int[] labels, int numClasses, String what) {
        if (labels == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException(what + " is empty; at least one object is needed");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + labels[i] + " is outside the class range 0.."
                        + (numClasses - 1));
            }
        }
    }

    private static void checkRow(double[] row, int i, int numClasses) {
        if (row == null) {
            throw new IllegalArgumentException("probabilities[" + i + "] is null");
        }
        if (row.length != numClasses) {
            throw new IllegalArgumentException("probabilities[" + i + "] has " + row.length + " columns but there are "
                    + numClasses + " classes");
        }
        double sum = 0;
        for (int k = 0; k < row.length; k++) {
            double v = row[k];
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("probabilities[" + i + "][" + k + "] is NaN");
            }
            if (v < 0 || v > 1 + ROW_SUM_TOLERANCE) {
                throw new IllegalArgumentException("probabilities[" + i + "][" + k + "] = " + v + " is outside [0, 1]");
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
            throw new IllegalArgumentException("probabilities[" + i + "] sums to " + sum + ", not 1 (tolerance "
                    + ROW_SUM_TOLERANCE + ")");
        }
    }
}
