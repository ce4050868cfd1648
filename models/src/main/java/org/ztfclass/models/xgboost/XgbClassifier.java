package org.ztfclass.models.xgboost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.features.TabularFeatures;
import org.ztfclass.votables.domain.TransientClass;

/**
 * The XGBoost branch at inference: class probabilities ({@link TransientClass} order) from the
 * {@link TabularFeatures#MODEL_INPUTS}, each object seen through the view {@link TabularFeatures#modelInputsOf} chooses.
 * The trees' probabilities are multiplied by a per-class factor (the prior shift of
 * {@link XgbTrainer}) and renormalised; the factors travel inside the model file (an attribute of
 * the booster, {@value #PRIOR_SHIFT_ATTRIBUTE}), and a model saved without them (bundles trained
 * before 2026-12-05, whose trees learned with class weights) answers its trees' probabilities
 * unchanged. Thread-safe: predictions are serialised on the booster.
 */
public final class XgbClassifier {

    /** File name of the model inside a bundle. */
    public static final String FILE = "xgboost.json";

    /** Booster attribute holding the per-class factors, comma-separated, {@link TransientClass} order. */
    static final String PRIOR_SHIFT_ATTRIBUTE = "ztfclass_prior_shift";

    private final Booster booster;
    private final double[] priorShift;

    private XgbClassifier(Booster booster, double[] priorShift) {
        this.booster = booster;
        this.priorShift = priorShift;
    }

    /** A trained booster whose answers are multiplied by {@code shift} (recorded in the booster, so {@link #save} keeps it). */
    static XgbClassifier withPriorShift(Booster booster, double[] shift) throws XGBoostError {
        StringBuilder text = new StringBuilder();
        for (double f : shift) {
            text.append(text.length() == 0 ? "" : ",").append(f);
        }
        booster.setAttr(PRIOR_SHIFT_ATTRIBUTE, text.toString());
        return new XgbClassifier(booster, shift.clone());
    }

    /** Loads a model saved by {@link #save}. */
    public static XgbClassifier load(Path file) throws IOException {
        Booster booster;
        try {
            booster = XGBoost.loadModel(Files.readAllBytes(file));
        } catch (XGBoostError e) {
            throw new IOException("not an XGBoost model: " + file + ": " + e.getMessage(), e);
        }
        return new XgbClassifier(booster, readPriorShift(booster, file));
    }

    private static double[] readPriorShift(Booster booster, Path file) throws IOException {
        int classes = TransientClass.values().length;
        double[] shift = new double[classes];
        java.util.Arrays.fill(shift, 1.0);
        String text;
        try {
            text = booster.getAttr(PRIOR_SHIFT_ATTRIBUTE);
        } catch (XGBoostError e) {
            throw new IOException("cannot read the attributes of the XGBoost model " + file + ": " + e.getMessage(), e);
        }
        if (text == null) {
            return shift;
        }
        String[] parts = text.split(",");
        if (parts.length != classes) {
            throw new IOException("XGBoost model " + file + ": attribute " + PRIOR_SHIFT_ATTRIBUTE + " has " + parts.length
                    + " factors, not one per class (" + classes + ")");
        }
        for (int k = 0; k < classes; k++) {
            try {
                shift[k] = Double.parseDouble(parts[k]);
            } catch (NumberFormatException e) {
                shift[k] = Double.NaN;
            }
            if (!(shift[k] > 0) || Double.isInfinite(shift[k])) {
                throw new IOException("XGBoost model " + file + ": attribute " + PRIOR_SHIFT_ATTRIBUTE + " factor " + (k + 1)
                        + " is '" + parts[k] + "', not a positive number");
            }
        }
        return shift;
    }

    /** @return the per-class factors applied to the trees' probabilities ({@link TransientClass} order; all 1: none) */
    public double[] priorShift() {
        return priorShift.clone();
    }

    /** Writes the model (XGBoost's JSON format). */
    public void save(Path file) throws IOException {
        try {
            booster.saveModel(file.toString());
        } catch (XGBoostError e) {
            throw new IOException("cannot save the XGBoost model to " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return one probability row per object, columns in {@link TransientClass} order */
    public double[][] predict(List<ObjectData> objects) {
        int nf = TabularFeatures.MODEL_INPUTS.size();
        if (objects.isEmpty()) {
            return new double[0][];
        }
        float[] x = new float[objects.size() * nf];
        // features (light-curve fits) cost more than the trees: measured on every core, each object writes its own slice
        java.util.stream.IntStream.range(0, objects.size()).parallel().forEach(i -> {
            double[] f = TabularFeatures.modelInputsOf(objects.get(i));
            for (int j = 0; j < nf; j++) {
                x[i * nf + j] = (float) f[j];
            }
        });
        float[][] p;
        synchronized (booster) {
            try {
                p = booster.inplace_predict(x, objects.size(), nf, Float.NaN);
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
            }
        }
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = new double[p[i].length];
            double sum = 0;
            for (int k = 0; k < p[i].length; k++) {
                out[i][k] = p[i][k] * priorShift[k];
                sum += out[i][k];
            }
            for (int k = 0; k < p[i].length; k++) {
                out[i][k] /= sum;
            }
        }
        return out;
    }
}
