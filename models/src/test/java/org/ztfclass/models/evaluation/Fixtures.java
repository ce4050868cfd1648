package org.ztfclass.models.evaluation;

import java.util.List;
import java.util.Random;

/** Test data: labels and probability rows with a known structure. */
final class Fixtures {

    static final List<String> CLASSES = List.of("SN_IA", "SN_II", "OTHER");

    /** Labels and probabilities. */
    record Data(int[] y, double[][] p) {
    }

    private Fixtures() {
    }

    /**
     * {@code n} objects with classes drawn with the given weights, and probabilities the softmax
     * of Gaussian noise plus {@code signal} on the true class's logit (0: no skill).
     */
    static Data noisy(int n, double[] classWeights, double signal, long seed) {
        Random r = new Random(seed);
        int k = classWeights.length;
        double total = 0;
        for (double w : classWeights) {
            total += w;
        }
        int[] y = new int[n];
        double[][] p = new double[n][k];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble() * total;
            int c = 0;
            while (c < k - 1 && u >= classWeights[c]) {
                u -= classWeights[c];
                c++;
            }
            y[i] = c;
            double[] logits = new double[k];
            double sum = 0;
            for (int j = 0; j < k; j++) {
                logits[j] = r.nextGaussian() + (j == c ? signal : 0);
                p[i][j] = Math.exp(logits[j]);
                sum += p[i][j];
            }
            for (int j = 0; j < k; j++) {
                p[i][j] /= sum;
            }
        }
        return new Data(y, p);
    }

    /** Balanced-ish three-class data with moderate skill. */
    static Data threeClass(int n, long seed) {
        return noisy(n, new double[] {1, 1, 1}, 1.5, seed);
    }

    /** One-hot rows of the true classes: a perfect classifier. */
    static double[][] oneHot(int[] y, int k) {
        double[][] p = new double[y.length][k];
        for (int i = 0; i < y.length; i++) {
            p[i][y[i]] = 1;
        }
        return p;
    }
}
