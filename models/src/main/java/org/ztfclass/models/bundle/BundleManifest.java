package org.ztfclass.models.bundle;

import java.util.List;
import java.util.Map;

/**
 * A model bundle's provenance, written as {@code manifest.json}: what was trained, on what, how,
 * and how well it did on objects it never saw.
 *
 * @param format          bundle layout version; a loader refuses other values
 * @param version         the model version (e.g. {@code 2026-11-25T07:10:00Z-xgb})
 * @param createdAt       ISO-8601 UTC
 * @param classes         output columns, in order
 * @param features        tabular feature names, in order
 * @param trainingSetHash SHA-256 of the sorted {@code objectId:class} lines of the training set
 * @param seed            the seed of the split and of training
 * @param trainedOn       per branch, objects of each class it was trained on
 * @param testedOn        per branch, objects of each class it was evaluated on
 * @param testObjectIds   the held-out objects (never trained on), so the evaluation can be redone
 * @param parameters      per branch, its hyper-parameters
 * @param metrics         headline numbers of the held-out evaluation (e.g. macro AUC per model)
 * @param files           the files of the bundle besides the manifest
 */
public record BundleManifest(String format, String version, String createdAt, List<String> classes, List<String> features,
                             String trainingSetHash, long seed, Map<String, Map<String, Integer>> trainedOn,
                             Map<String, Map<String, Integer>> testedOn, List<String> testObjectIds,
                             Map<String, Map<String, Object>> parameters, Map<String, Object> metrics, List<String> files) {

    /** The layout this code writes and reads (2: light-curve features in the XGBoost inputs, the served answer in {@code parameters.serving}). */
    public static final String FORMAT = "ztfclass-model-bundle/2";
}
