package org.ztfclass.models.xgboost;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.features.TabularFeatures;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Trains the XGBoost branch: a multi-class ({@code multi:softprob}) gradient-boosted tree model on
 * {@link TabularFeatures#SUMMARY}, with missing features left to the trees, and every object weighted by
 * the inverse frequency of its class so the rare classes count as much as SN Ia. Two threads, a
 * fixed seed: the same data gives the same model.
 */
public final class XgbTrainer {

    /** The hyper-parameters, recorded in the bundle manifest. */
    public static final Map<String, Object> PARAMETERS = Map.of(
            "objective", "multi:softprob",
            "num_class", TransientClass.values().length,
            "max_depth", 4,
            "eta", 0.05,
            "subsample", 0.8,
            "colsample_bytree", 0.8,
            "min_child_weight", 2,
            "tree_method", "hist",
            "nthread", 2,
            "eval_metric", "mlogloss");
    /** Boosting rounds. */
    public static final int ROUNDS = 300;

    private final long seed;

    public XgbTrainer(long seed) {
        this.seed = seed;
    }

    /** @return the trained classifier */
    public XgbClassifier train(List<LabelledObject> objects) throws XGBoostError {
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("no labelled objects to train on");
        }
        int nf = TabularFeatures.SUMMARY.size();
        float[] x = new float[objects.size() * nf];
        float[] y = new float[objects.size()];
        float[] w = new float[objects.size()];
        Map<TransientClass, Integer> counts = new EnumMap<>(TransientClass.class);
        objects.forEach(o -> counts.merge(o.label(), 1, Integer::sum));
        for (int i = 0; i < objects.size(); i++) {
            double[] f = TabularFeatures.summaryOf(objects.get(i).data());
            for (int j = 0; j < nf; j++) {
                x[i * nf + j] = (float) f[j];
            }
            TransientClass c = objects.get(i).label();
            y[i] = c.ordinal();
            w[i] = (float) (objects.size() / (double) (counts.size() * counts.get(c)));
        }
        DMatrix train = new DMatrix(x, objects.size(), nf, Float.NaN);
        train.setLabel(y);
        train.setWeight(w);
        Map<String, Object> params = new HashMap<>(PARAMETERS);
        params.put("seed", seed);
        Booster booster = XGBoost.train(train, params, ROUNDS, Map.of(), null, null);
        train.dispose();
        return new XgbClassifier(booster);
    }
}
