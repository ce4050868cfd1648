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
 * {@link TabularFeatures#MODEL_INPUTS}, each object seen through the view {@link TabularFeatures#modelInputsOf} chooses. Thread-safe: predictions are serialised on the booster.
 */
public final class XgbClassifier {

    /** File name of the model inside a bundle. */
    public static final String FILE = "xgboost.json";

    private final Booster booster;

    XgbClassifier(Booster booster) {
        this.booster = booster;
    }

    /** Loads a model saved by {@link #save}. */
    public static XgbClassifier load(Path file) throws IOException {
        try {
            return new XgbClassifier(XGBoost.loadModel(Files.readAllBytes(file)));
        } catch (XGBoostError e) {
            throw new IOException("not an XGBoost model: " + file + ": " + e.getMessage(), e);
        }
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
            for (int k = 0; k < p[i].length; k++) {
                out[i][k] = p[i][k];
            }
        }
        return out;
    }
}
