package org.ztfclass.models.neural;

/** Inverse-frequency class weights, so each class weighs as much as the others in a loss. */
public final class ClassWeights {

    private ClassWeights() {
    }

    /**
     * @param labels class indices
     * @return weight per class: n / (classes present x count); 0 for a class with no example
     */
    public static double[] of(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int y : labels) {
            counts[y]++;
        }
        int present = 0;
        for (int c : counts) {
            present += c > 0 ? 1 : 0;
        }
        double[] w = new double[classes];
        for (int k = 0; k < classes; k++) {
            w[k] = counts[k] == 0 ? 0 : labels.length / (double) (present * counts[k]);
        }
        return w;
    }
}
