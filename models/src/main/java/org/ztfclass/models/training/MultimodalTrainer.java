package org.ztfclass.models.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ztfclass.models.data.ClassCounts;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.evaluation.MacroAuc;
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
import org.ztfclass.votables.domain.TransientClass;

/**
 * Trains every branch and the fusion on a training set, by stacking: the training set is cut into
 * {@link #FOLDS} stratified folds (seeded); for each fold the branches are trained on the others
 * and answer for it, so every training object gets branch outputs from models that never saw it
 * (out-of-fold), as a new object would. The fusion learns to weigh the branches on those outputs
 * and the temperature is fitted on them; the branches kept in the bundle are then trained on the
 * whole training set.
 *
 * <p>Each branch picks only the objects whose data can teach it without leaking the class
 * through the data's origin:
 * <ul>
 * <li>XGBoost: every object ({@code TabularFeatures.SUMMARY}, which every object has alike);</li>
 * <li>LSTM: objects whose light curve gives a sequence (two or more usable detections), whatever
 *     its source. This is leak-free only because the shipped light curves of every class come
 *     from one source in one format (the ANTARES broker export of labelled BTS objects); the
 *     earlier SN Ia-only light-curve set is ingested only for objects that source lacks;</li>
 * <li>CNN: objects with a usable cutout triplet (all from alert packets, whatever the class).</li>
 * </ul>
 * A neural branch with fewer than 2 classes of at least {@link #MIN_PER_CLASS} objects is not
 * trained (the reason is kept) and stays masked. Deterministic for a seed.
 */
public final class MultimodalTrainer {

    /** Folds of the out-of-fold outputs the fusion learns from. */
    public static final int FOLDS = 3;
    /** Fewest objects of a class for it to count towards training a neural branch. */
    public static final int MIN_PER_CLASS = 2;

    private final long seed;
    private final TrainingProgress progress;
    private final int lstmEpochs;
    private final int cnnEpochs;

    /** A trainer with the branches' standard epochs. */
    public MultimodalTrainer(long seed, TrainingProgress progress) {
        this(seed, progress, LstmTrainer.EPOCHS, CnnTrainer.EPOCHS);
    }

    /** A trainer with other epochs for the LSTM and CNN (quick tests). */
    public MultimodalTrainer(long seed, TrainingProgress progress, int lstmEpochs, int cnnEpochs) {
        this.seed = seed;
        this.progress = progress;
        this.lstmEpochs = lstmEpochs;
        this.cnnEpochs = cnnEpochs;
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
                         Map<String, Map<String, Integer>> trainedOn, Map<String, String> notTrained, ServingChoice serving) {
    }

    /** @return true if the LSTM may train on (and reads) this object: its light curve makes a sequence */
    public static boolean lstmCanLearnFrom(LabelledObject o) {
        return LightCurveSequence.has(o.data().lightCurve());
    }

    /** @return true if the CNN may train on this object */
    public static boolean cnnCanLearnFrom(LabelledObject o) {
        return CutoutTriplet.has(o.data().objectId(), o.data().cutouts());
    }

    /** The three branches trained on one set; a null neural branch was not trainable. */
    private record Branches(XgbClassifier xgb, LstmClassifier lstm, CnnClassifier cnn, List<LabelledObject> lstmSet,
                            List<LabelledObject> cnnSet) {
    }

    /** @throws IllegalArgumentException if the training set is empty */
    public Result train(List<LabelledObject> train) throws XGBoostError {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no labelled objects to train on");
        }
        int[] fold = folds(train);
        int n = train.size();
        double[][] ox = new double[n][];
        double[][] ol = new double[n][];
        double[][] oc = new double[n][];
        for (int f = 0; f < FOLDS; f++) {
            List<LabelledObject> fit = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    held.add(i);
                } else {
                    fit.add(train.get(i));
                }
            }
            String tag = " " + (f + 1) + "/" + FOLDS;
            Branches b = branches(fit, (branch, done, total) -> progress.step(branch + tag, done, total));
            List<ObjectData> heldData = held.stream().map(i -> train.get(i).data()).toList();
            double[][] px = b.xgb().predict(heldData);
            double[][] pl = b.lstm() == null ? new double[held.size()][] : b.lstm().predict(heldData);
            double[][] pc = b.cnn() == null ? new double[held.size()][] : b.cnn().predict(heldData);
            for (int j = 0; j < held.size(); j++) {
                ox[held.get(j)] = px[j];
                ol[held.get(j)] = pl[j];
                oc[held.get(j)] = pc[j];
            }
        }
        Branches fin = branches(train, progress);
        Map<String, Map<String, Integer>> trainedOn = new LinkedHashMap<>();
        Map<String, String> notTrained = new LinkedHashMap<>();
        trainedOn.put("xgboost", ClassCounts.of(train));
        trainedOn.put("lstm", ClassCounts.of(fin.lstmSet()));
        trainedOn.put("cnn", ClassCounts.of(fin.cnnSet()));
        if (fin.lstm() == null) {
            notTrained.put("lstm", "fewer than 2 classes with " + MIN_PER_CLASS + "+ objects with alert-stream light curves: "
                    + ClassCounts.of(fin.lstmSet()));
        }
        if (fin.cnn() == null) {
            notTrained.put("cnn", "fewer than 2 classes with " + MIN_PER_CLASS + "+ objects with usable cutouts: " + ClassCounts.of(fin.cnnSet()));
        }
        if (fin.lstm() == null) {
            ol = new double[n][];
        }
        if (fin.cnn() == null) {
            oc = new double[n][];
        }
        int[] y = train.stream().mapToInt(o -> o.label().ordinal()).toArray();
        FusionClassifier fusion = new FusionTrainer(seed).train(ox, ol, oc, y, progress);
        ServingChoice serving = chooseServing(ox, ol, oc, y, fold);
        trainedOn.put("fusion", ClassCounts.of(train));
        trainedOn.put("fusion_with_lstm_output", ClassCounts.of(answeredSubset(train, ol)));
        trainedOn.put("fusion_with_cnn_output", ClassCounts.of(answeredSubset(train, oc)));
        return new Result(fin.xgb(), fin.lstm(), fin.cnn(), fusion, trainedOn, notTrained, serving);
    }

    private Branches branches(List<LabelledObject> fit, TrainingProgress p) throws XGBoostError {
        p.step("xgboost", 0, 1);
        XgbClassifier xgb = new XgbTrainer(seed).train(fit);
        p.step("xgboost", 1, 1);
        List<LabelledObject> lstmSet = fit.stream().filter(MultimodalTrainer::lstmCanLearnFrom).toList();
        LstmClassifier lstm = ClassCounts.classesWithAtLeast(lstmSet, MIN_PER_CLASS) >= 2 ? new LstmTrainer(seed, lstmEpochs).train(lstmSet, p) : null;
        List<LabelledObject> cnnSet = fit.stream().filter(MultimodalTrainer::cnnCanLearnFrom).toList();
        CnnClassifier cnn = ClassCounts.classesWithAtLeast(cnnSet, MIN_PER_CLASS) >= 2 ? new CnnTrainer(seed, cnnEpochs).train(cnnSet, p) : null;
        return new Branches(xgb, lstm, cnn, lstmSet, cnnSet);
    }

    /**
     * Chooses the served answer by cross-validation on the out-of-fold branch outputs: XGBoost's
     * and the LSTM's (XGBoost's where the LSTM is masked) as they are; the fusion's by training it
     * on the other folds' outputs and scoring each fold, so no candidate is judged on objects it
     * learned from. The highest macro AUC wins ({@link ServingChoice#best}).
     */
    ServingChoice chooseServing(double[][] ox, double[][] ol, double[][] oc, int[] y, int[] fold) {
        int n = y.length;
        double[][] fused = new double[n][];
        for (int f = 0; f < FOLDS; f++) {
            List<Integer> fit = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (fold[i] == f ? held : fit).add(i);
            }
            FusionClassifier inner = new FusionTrainer(seed).train(rows(ox, fit), rows(ol, fit), rows(oc, fit),
                    fit.stream().mapToInt(i -> y[i]).toArray(), TrainingProgress.SILENT);
            double[][] p = inner.predict(rows(ox, held), rows(ol, held), rows(oc, held));
            for (int j = 0; j < held.size(); j++) {
                fused[held.get(j)] = p[j];
            }
        }
        Map<String, Double> auc = new LinkedHashMap<>();
        auc.put(ServingChoice.FUSED, MacroAuc.oneVsRest(y, fused).value());
        auc.put(ServingChoice.XGBOOST, MacroAuc.oneVsRest(y, ox).value());
        if (BranchOutputs.answered(ol) > 0) {
            double[][] lstm = new double[n][];
            for (int i = 0; i < n; i++) {
                lstm[i] = ol[i] != null ? ol[i] : ox[i];
            }
            auc.put(ServingChoice.LSTM, MacroAuc.oneVsRest(y, lstm).value());
        }
        return ServingChoice.best(auc);
    }

    private static double[][] rows(double[][] all, List<Integer> which) {
        return which.stream().map(i -> all[i]).toArray(double[][]::new);
    }

    /** @return a fold index per object: stratified by class, objects of a class in id order, shuffled with the seed */
    private int[] folds(List<LabelledObject> train) {
        Map<TransientClass, List<Integer>> byClass = new EnumMap<>(TransientClass.class);
        for (int i = 0; i < train.size(); i++) {
            byClass.computeIfAbsent(train.get(i).label(), k -> new ArrayList<>()).add(i);
        }
        int[] fold = new int[train.size()];
        Random random = new Random(seed + 7);
        for (List<Integer> members : byClass.values()) {
            members.sort(Comparator.comparing(i -> train.get(i).data().objectId()));
            java.util.Collections.shuffle(members, random);
            for (int j = 0; j < members.size(); j++) {
                fold[members.get(j)] = j % FOLDS;
            }
        }
        return fold;
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
}
