package org.ztfclass.models.evaluation;

import java.util.Arrays;
import java.util.Random;

/**
 * Percentile-bootstrap confidence intervals for the per-class AUCs, the macro AUC and the
 * balanced accuracy. Each round draws {@code n} objects with replacement (whole objects, so a
 * row's label and probabilities stay together), recomputes the statistics on the resample, and
 * the interval is the {@code 2.5%} and {@code 97.5%} percentiles of the rounds' values
 * ({@link #LEVEL} = 0.95; linear interpolation between order statistics).
 *
 * <p>A round in which a statistic is undefined (a resample with no object of a class has no AUC
 * for it) is left out of that statistic's interval; {@link ConfidenceInterval#validRounds()}
 * says how many rounds remained, and an interval with none is undefined (NaN bounds). A class
 * whose AUC is undefined on the full data therefore has an undefined interval.
 *
 * <p>Reproducible: the resampling uses {@link java.util.Random} (whose sequence is specified by
 * the Java API) seeded with {@code seed}, so the same seed, rounds and data give bit-identical
 * intervals on every JVM. Each round costs {@code O(n·K)} (scores are sorted once, a resample is
 * a vector of multiplicities). Instances are immutable and thread-safe; each call to
 * {@link #run} starts its own generator from the seed.
 */
public final class Bootstrap {

    /** Default number of resamples. */
    public static final int DEFAULT_ROUNDS = 1000;

    /** Coverage of the intervals. */
    public static final double LEVEL = 0.95;

    private final long seed;
    private final int rounds;

    /**
     * @param seed   the resampling seed
     * @param rounds number of resamples, {@code >= 0} (0 gives undefined intervals)
     * @throws IllegalArgumentException if {@code rounds < 0}
     */
    public Bootstrap(long seed, int rounds) {
        if (rounds < 0) {
            throw new IllegalArgumentException("bootstrap rounds is " + rounds + "; it must be >= 0");
        }
        this.seed = seed;
        this.rounds = rounds;
    }

    /** {@link #DEFAULT_ROUNDS} resamples with the given seed. */
    public Bootstrap(long seed) {
        this(seed, DEFAULT_ROUNDS);
    }

    /** The resampling seed. */
    public long seed() {
        return seed;
    }

    /** The number of resamples. */
    public int rounds() {
        return rounds;
    }

    /**
     * The intervals for these labels and probabilities.
     *
     * @throws IllegalArgumentException on invalid inputs (see {@link EvaluationInputs})
     */
    public BootstrapResult run(int[] trueClass, double[][] probabilities, int numClasses) {
        EvaluationInputs.check(trueClass, probabilities, numClasses);
        int n = trueClass.length;
        int k = numClasses;
        int[] predicted = Argmax.ofEach(probabilities);
        double[][] scores = new double[k][];
        boolean[][] positive = new boolean[k][];
        int[][] order = new int[k][];
        for (int c = 0; c < k; c++) {
            scores[c] = MannWhitneyAuc.column(probabilities, c);
            positive[c] = MannWhitneyAuc.positives(trueClass, c);
            order[c] = MannWhitneyAuc.ascendingOrder(scores[c]);
        }

        double[][] aucs = new double[k][rounds];
        double[] macro = new double[rounds];
        double[] balanced = new double[rounds];
        Random random = new Random(seed);
        int[] weights = new int[n];
        double[] roundAucs = new double[k];
        long[] support = new long[k];
        long[] correct = new long[k];
        for (int r = 0; r < rounds; r++) {
            Arrays.fill(weights, 0);
            for (int i = 0; i < n; i++) {
                weights[random.nextInt(n)]++;
            }
            for (int c = 0; c < k; c++) {
                roundAucs[c] = MannWhitneyAuc.weightedAuc(scores[c], positive[c], order[c], weights);
                aucs[c][r] = roundAucs[c];
            }
            macro[r] = MacroAuc.of(roundAucs).value();
            Arrays.fill(support, 0);
            Arrays.fill(correct, 0);
            for (int i = 0; i < n; i++) {
                support[trueClass[i]] += weights[i];
                if (predicted[i] == trueClass[i]) {
                    correct[trueClass[i]] += weights[i];
                }
            }
            double sum = 0;
            int present = 0;
            for (int c = 0; c < k; c++) {
                if (support[c] > 0) {
                    sum += correct[c] / (double) support[c];
                    present++;
                }
            }
            balanced[r] = sum / present; // n >= 1, so some class is present
        }
        ConfidenceInterval[] perClass = new ConfidenceInterval[k];
        for (int c = 0; c < k; c++) {
            perClass[c] = interval(aucs[c]);
        }
        return new BootstrapResult(Arrays.asList(perClass), interval(macro), interval(balanced), seed, rounds);
    }

    /** Percentile interval of the defined values among {@code values}. */
    static ConfidenceInterval interval(double[] values) {
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (defined.length == 0) {
            return ConfidenceInterval.undefined(LEVEL, 0);
        }
        double alpha = (1 - LEVEL) / 2;
        return new ConfidenceInterval(Percentiles.ofSorted(defined, alpha), Percentiles.ofSorted(defined, 1 - alpha),
                LEVEL, defined.length);
    }
}
