package org.ztfclass.models.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

    @Test
    void recoversTheTemperatureThatMadeProbabilitiesOverConfident() {
        Random r = new Random(3);
        int n = 4000;
        double[][] overConfident = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] logits = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[] p = TemperatureScaling.apply(softmax(logits), 1.0);
            double u = r.nextDouble();
            y[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2; // labels drawn from the true probabilities
            overConfident[i] = TemperatureScaling.apply(p, 1 / 2.5); // sharpened 2.5 times
        }
        double t = TemperatureScaling.fit(overConfident, y);
        assertEquals(2.5, t, 0.3);
        assertTrue(TemperatureScaling.nll(overConfident, y, t) < TemperatureScaling.nll(overConfident, y, 1.0));
    }

    @Test
    void temperatureNeverChangesTheRankingAndNothingToFitIsOne() {
        double[] p = {0.7, 0.2, 0.1};
        double[] q = TemperatureScaling.apply(p, 3);
        assertTrue(q[0] > q[1] && q[1] > q[2] && q[0] < 0.7);
        assertEquals(1.0, q[0] + q[1] + q[2], 1e-12);
        assertEquals(1.0, TemperatureScaling.fit(new double[0][], new int[0]));
    }

    private static double[] softmax(double[] z) {
        double s = 0;
        double[] e = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            e[i] = Math.exp(z[i]);
            s += e[i];
        }
        for (int i = 0; i < z.length; i++) {
            e[i] /= s;
        }
        return e;
    }
}
