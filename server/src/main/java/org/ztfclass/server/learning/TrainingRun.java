package org.ztfclass.server.learning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ztfclass.models.bundle.BundleManifest;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.data.StratifiedSplit;
import org.ztfclass.models.features.TabularFeatures;
import org.ztfclass.models.fusion.FusionTrainer;
import org.ztfclass.models.image.CnnTrainer;
import org.ztfclass.models.neural.TrainingProgress;
import org.ztfclass.models.sequence.LstmTrainer;
import org.ztfclass.models.training.MultimodalTrainer;
import org.ztfclass.models.xgboost.XgbTrainer;
import org.ztfclass.votables.domain.TransientClass;

/**
 * One training: split the labelled objects by object (stratified, fixed seed), train the
 * branches and the fusion on the training part ({@link MultimodalTrainer}), and keep the held-out part's labels and predictions for the
 * evaluation. Which objects each branch could use is counted per class, for an honest report.
 *
 * @param bundle      the trained model, with its manifest
 * @param split       training and held-out objects
 * @param heldOutData the held-out objects' data, in {@code split.test()} order
 */
public record TrainingRun(ModelBundle bundle, StratifiedSplit split, List<ObjectData> heldOutData) {

    /** Fraction of each class held out. */
    public static final double TEST_FRACTION = 0.2;

    /** Trains without progress reports. */
    public static TrainingRun train(List<LabelledObject> labelled, long seed) throws XGBoostError {
        return train(labelled, seed, TrainingProgress.SILENT);
    }

    /**
     * @param progress told after each epoch of each branch
     * @throws IllegalArgumentException if a class has fewer than 2 labelled objects
     */
    public static TrainingRun train(List<LabelledObject> labelled, long seed, TrainingProgress progress) throws XGBoostError {
        Map<String, Integer> all = countByClass(labelled);
        for (TransientClass c : TransientClass.values()) {
            if (all.getOrDefault(c.name(), 0) < 2) {
                throw new IllegalArgumentException("need at least 2 labelled objects of " + c + " to train and test; have " + all);
            }
        }
        return train(StratifiedSplit.of(labelled, TEST_FRACTION, seed), seed, new MultimodalTrainer(seed, progress));
    }

    /**
     * Trains on a given split (a cross-validation fold, or the standard split of
     * {@link #train(List, long, TrainingProgress)}): every branch and the fusion through
     * {@code trainer}, the manifest counting what each branch trained and is tested on.
     *
     * @param split   training objects and the objects held out from them
     * @param seed    recorded in the manifest and the version name
     * @param trainer the multimodal training (its seed and epochs)
     */
    public static TrainingRun train(StratifiedSplit split, long seed, MultimodalTrainer trainer) throws XGBoostError {
        MultimodalTrainer.Result r = trainer.train(split.train());
        String version = Instant.now().truncatedTo(ChronoUnit.SECONDS) + "-fused-s" + seed;
        Map<String, Map<String, Integer>> trainedOn = new LinkedHashMap<>(r.trainedOn());
        trainedOn.put("xgboost_with_light_curve", countByClass(split.train().stream().filter(TrainingRun::hasLightCurve).toList()));
        trainedOn.put("xgboost_with_catalogue_summary",
                countByClass(split.train().stream().filter(o -> o.data().summary() != null).toList()));
        Map<String, Map<String, Integer>> testedOn = new LinkedHashMap<>();
        testedOn.put("xgboost", countByClass(split.test()));
        testedOn.put("xgboost_with_light_curve", countByClass(split.test().stream().filter(TrainingRun::hasLightCurve).toList()));
        testedOn.put("lstm", countByClass(split.test().stream().filter(MultimodalTrainer::lstmCanLearnFrom).toList()));
        testedOn.put("cnn", countByClass(split.test().stream().filter(MultimodalTrainer::cnnCanLearnFrom).toList()));
        testedOn.put("fused", countByClass(split.test()));
        Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
        Map<String, Object> xgbParams = new LinkedHashMap<>(new java.util.TreeMap<>(XgbTrainer.PARAMETERS));
        xgbParams.put("rounds", XgbTrainer.ROUNDS);
        xgbParams.put("class_weights", "none (each object weight 1; truncated views " + XgbTrainer.TRUNCATED_WEIGHT + ")");
        xgbParams.put("prior_shift_exponent", XgbTrainer.PRIOR_SHIFT_EXPONENT);
        parameters.put("xgboost", xgbParams);
        parameters.put("lstm", new LinkedHashMap<>(LstmTrainer.parameters()));
        parameters.put("cnn", new LinkedHashMap<>(CnnTrainer.parameters()));
        Map<String, Object> fusionParams = new LinkedHashMap<>(FusionTrainer.parameters());
        fusionParams.put("temperature", r.fusion().temperature());
        fusionParams.put("trained_on", "out-of-fold branch outputs, " + MultimodalTrainer.FOLDS + " folds of the training set");
        parameters.put("fusion", fusionParams);
        r.notTrained().forEach((branch, why) -> parameters.get(branch).put("not_trained", why));
        parameters.put("serving", r.serving().asParameters());
        List<String> classes = new ArrayList<>();
        for (TransientClass c : TransientClass.values()) {
            classes.add(c.name());
        }
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, version, Instant.now().toString(), classes,
                TabularFeatures.MODEL_INPUTS, hash(split.train()), seed, trainedOn, testedOn,
                split.test().stream().map(o -> o.data().objectId()).toList(), parameters, new LinkedHashMap<>(),
                ModelBundle.files(r.lstm() != null, r.cnn() != null, true));
        return new TrainingRun(new ModelBundle(manifest, r.xgboost(), r.lstm(), r.cnn(), r.fusion()), split,
                split.test().stream().map(LabelledObject::data).toList());
    }

    /** @return held-out true classes, {@link TransientClass} ordinals */
    public int[] heldOutClasses() {
        return split.test().stream().mapToInt(o -> o.label().ordinal()).toArray();
    }

    static boolean hasLightCurve(LabelledObject o) {
        return o.data().lightCurve().stream().filter(d -> !d.isUpperLimit()).count() >= 3;
    }

    static Map<String, Integer> countByClass(List<LabelledObject> objects) {
        Map<TransientClass, Integer> counts = new EnumMap<>(TransientClass.class);
        for (TransientClass c : TransientClass.values()) {
            counts.put(c, 0);
        }
        objects.forEach(o -> counts.merge(o.label(), 1, Integer::sum));
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }

    /** @return SHA-256 over the sorted {@code objectId:class} lines of a set */
    static String hash(List<LabelledObject> objects) {
        List<String> lines = new ArrayList<>();
        objects.forEach(o -> lines.add(o.data().objectId() + ":" + o.label().name()));
        java.util.Collections.sort(lines);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                sha.update((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
