package org.ztfclass.models.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ztfclass.models.data.ClassCounts;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.data.StratifiedSplit;
import org.ztfclass.models.fusion.FusionClassifier;
import org.ztfclass.models.fusion.FusionTrainer;
import org.ztfclass.models.image.CnnClassifier;
import org.ztfclass.models.image.CnnTrainer;
import org.ztfclass.models.image.CutoutTriplet;
import org.ztfclass.models.neural.TrainingProgress;
import org.ztfclass.models.sequence.LightCurveSequence;
import org.ztfclass.models.sequence.LstmClassifier;
import org.ztfclass.models.sequence.LstmTrainer;
import org.ztfclass.models.xgboost.XgbClassifier;
import org.ztfclass.models.xgboost.XgbTrainer;

/**
 * Trains every branch and the fusion on a training set. The training set is split again
 * (stratified, seeded) into a fitting part ({@code 1 - VALIDATION_FRACTION}) on which the branches
 * learn, and a validation part on which the fusion learns to weigh the branches' outputs and the
 * temperature is fitted: outputs on objects the branches never saw, as on new objects.
 *
 * <p>Each branch picks from the fitting part only the objects whose data can teach it without
 * leaking the class through the data's origin:
 * <ul>
 * <li>XGBoost: every object ({@code TabularFeatures.SUMMARY}, which every object has alike);</li>
 * <li>LSTM: objects with a sequence made of alert-stream photometry only (points with a ZTF
 *     candidate id: alert histories, ALeRCE detections). Full catalogue light curves (in the
 *     shipped data: ANTARES curves of SN Ia only) are left out, or the LSTM would learn
 *     "long, densely sampled curve, so SN Ia";</li>
 * <li>CNN: objects with a usable cutout triplet (all from alert packets, whatever the class).</li>
 * </ul>
 * The fusion sees the LSTM's outputs on the validation objects' alert-stream points only, for the
 * same reason. At inference the LSTM reads any ZTF photometry of an object the same way.
 * A branch with fewer than 2 classes of at least {@link #MIN_PER_CLASS} objects is not trained
 * (the reason is kept) and stays masked. Deterministic for a seed.
 */
public final class MultimodalTrainer {

    /** Part of the training set kept for the fusion and calibration. */
    public static final double VALIDATION_FRACTION = 0.25;
    /** Fewest objects of a class for it to count towards training a neural branch. */
    public static final int MIN_PER_CLASS = 2;

    private final long seed;
    private final TrainingProgress progress;

    public MultimodalTrainer(long seed, TrainingProgress progress) {
        this.seed = seed;
        this.progress = progress;
    }

    /**
     * The trained parts and what each was trained on.
     *
     * @param xgboost    XGBoost branch
     * @param lstm       LSTM branch, null if not trained (see {@code notTrained})
     * @param cnn        CNN branch, null if not trained
     * @param fusion     fusion network with its temperature
     * @param trainedOn  per branch (and {@code fusion}), objects per class it learned from
     * @param notTrained branch name to the reason it was not trained
     */
    public record Result(XgbClassifier xgboost, LstmClassifier lstm, CnnClassifier cnn, FusionClassifier fusion,
                         Map<String, Map<String, Integer>> trainedOn, Map<String, String> notTrained) {
    }

    /** @return true if the LSTM may train on this object (alert-stream photometry makes a sequence) */
    public static boolean lstmCanLearnFrom(LabelledObject o) {
        return LightCurveSequence.has(LightCurveSequence.alertPoints(o.data().lightCurve()));
    }

    /** @return true if the CNN may train on this object */
    public static boolean cnnCanLearnFrom(LabelledObject o) {
        return CutoutTriplet.has(o.data().objectId(), o.data().cutouts());
    }

    /** @throws IllegalArgumentException if the training set is empty */
    public Result train(List<LabelledObject> train) throws XGBoostError {
        StratifiedSplit split = StratifiedSplit.of(train, VALIDATION_FRACTION, seed + 1);
        List<LabelledObject> fit = split.train();
        List<LabelledObject> validation = split.test();
        Map<String, Map<String, Integer>> trainedOn = new LinkedHashMap<>();
        Map<String, String> notTrained = new LinkedHashMap<>();

        progress.step("xgboost", 0, 1);
        XgbClassifier xgb = new XgbTrainer(seed).train(fit);
        progress.step("xgboost", 1, 1);
        trainedOn.put("xgboost", ClassCounts.of(fit));

        List<LabelledObject> lstmSet = new ArrayList<>();
        for (LabelledObject o : fit) {
            if (lstmCanLearnFrom(o)) {
                // the alert-stream points only, so no catalogue light curve slips in
                lstmSet.add(new LabelledObject(withLightCurve(o.data(), LightCurveSequence.alertPoints(o.data().lightCurve())),
                        o.label(), o.fineClass()));
            }
        }
        LstmClassifier lstm = null;
        trainedOn.put("lstm", ClassCounts.of(lstmSet));
        if (ClassCounts.classesWithAtLeast(lstmSet, MIN_PER_CLASS) >= 2) {
            lstm = new LstmTrainer(seed).train(lstmSet, progress);
        } else {
            notTrained.put("lstm", "fewer than 2 classes with " + MIN_PER_CLASS + "+ objects with alert-stream light curves: "
                    + ClassCounts.of(lstmSet));
        }

        List<LabelledObject> cnnSet = fit.stream().filter(MultimodalTrainer::cnnCanLearnFrom).toList();
        CnnClassifier cnn = null;
        trainedOn.put("cnn", ClassCounts.of(cnnSet));
        if (ClassCounts.classesWithAtLeast(cnnSet, MIN_PER_CLASS) >= 2) {
            cnn = new CnnTrainer(seed).train(cnnSet, progress);
        } else {
            notTrained.put("cnn", "fewer than 2 classes with " + MIN_PER_CLASS + "+ objects with usable cutouts: " + ClassCounts.of(cnnSet));
        }

        List<ObjectData> vData = validation.stream().map(LabelledObject::data).toList();
        double[][] px = xgb.predict(vData);
        // the LSTM's validation outputs come from alert-stream points too: otherwise "the LSTM
        // answered" would mean "a catalogue light curve exists" (SN Ia in the shipped data) and the
        // fusion would learn that from the availability flag
        List<ObjectData> vAlert = vData.stream().map(o -> withLightCurve(o, LightCurveSequence.alertPoints(o.lightCurve()))).toList();
        double[][] pl = lstm == null ? new double[vData.size()][] : lstm.predict(vAlert);
        double[][] pc = cnn == null ? new double[vData.size()][] : cnn.predict(vData);
        int[] y = validation.stream().mapToInt(o -> o.label().ordinal()).toArray();
        FusionClassifier fusion = new FusionTrainer(seed).train(px, pl, pc, y, progress);
        trainedOn.put("fusion", ClassCounts.of(validation));
        trainedOn.put("fusion_with_lstm_output", ClassCounts.of(answeredSubset(validation, pl)));
        trainedOn.put("fusion_with_cnn_output", ClassCounts.of(answeredSubset(validation, pc)));
        return new Result(xgb, lstm, cnn, fusion, trainedOn, notTrained);
    }

    private static List<LabelledObject> answeredSubset(List<LabelledObject> objects, double[][] rows) {
        List<LabelledObject> out = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (rows[i] != null) {
                out.add(objects.get(i));
            }
        }
        return out;
    }

    private static ObjectData withLightCurve(ObjectData o, List<org.ztfclass.votables.domain.Detection> points) {
        return new ObjectData(o.objectId(), o.ra(), o.dec(), points, o.summary(), o.context(), o.cutouts());
    }
}
