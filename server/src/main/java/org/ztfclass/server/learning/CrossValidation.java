package org.ztfclass.server.learning;

import org.ztfclass.models.evaluation.EarlyClassification;
import org.ztfclass.models.evaluation.Evaluator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.data.StratifiedKFold;
import org.ztfclass.models.data.StratifiedSplit;
import org.ztfclass.models.evaluation.ClassMetrics;
import org.ztfclass.models.evaluation.Evaluation;
import org.ztfclass.models.evaluation.MajorityBaseline;
import org.ztfclass.models.image.CnnTrainer;
import org.ztfclass.models.neural.TrainingProgress;
import org.ztfclass.models.sequence.LstmTrainer;
import org.ztfclass.models.training.BranchOutputs;
import org.ztfclass.models.training.MultimodalTrainer;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Stratified K-fold cross-validation of the whole model, for when the labelled set is small:
 * the labelled objects are cut into K folds by object ({@link StratifiedKFold}, fixed seed); for
 * each fold every branch and the fusion are trained on the other folds through the project's own
 * training ({@link TrainingRun#train(StratifiedSplit, long, MultimodalTrainer)}) and answer for
 * the fold. The out-of-fold outputs of all folds are pooled (each labelled object is tested once,
 * by a model that never saw it) and evaluated like a held-out set ({@link ModelEvaluation}): the
 * majority baseline (of each fold's training part), XGBoost, LSTM alone, CNN alone and fused, with
 * bootstrap intervals, and the number of objects of each class each branch was tested on. Early
 * classification (each object with a light curve cut to the first 5, 10, 20, 40 days and whole,
 * no catalogue summary) is evaluated for the served answer, XGBoost, the LSTM (uniform where it
 * cannot read the cut curve) and the fusion; not for the CNN, whose cutouts a cut does not change.
 * Deterministic: the same objects, K, seed and epochs give the same figures.
 */
public final class CrossValidation {

    /** Folds when none is asked for. */
    public static final int DEFAULT_FOLDS = 5;

    private final int k;
    private final long seed;
    private final ModelEvaluation evaluation;
    private final Map<String, Map<String, Integer>> testedOn;
    private final List<Map<String, Object>> folds;

    private CrossValidation(int k, long seed, ModelEvaluation evaluation, Map<String, Map<String, Integer>> testedOn,
                            List<Map<String, Object>> folds) {
        this.k = k;
        this.seed = seed;
        this.evaluation = evaluation;
        this.testedOn = testedOn;
        this.folds = folds;
    }

    /** K-fold cross-validation with the branches' standard epochs. */
    public static CrossValidation run(List<LabelledObject> labelled, int k, long seed, TrainingProgress progress) throws XGBoostError {
        return run(labelled, k, seed, LstmTrainer.EPOCHS, CnnTrainer.EPOCHS, progress);
    }

    /**
     * @param labelled   every labelled object (object ids unique)
     * @param k          folds, at least 2
     * @param seed       seed of the folds, of every fold's training and of the bootstrap
     * @param lstmEpochs LSTM epochs per training
     * @param cnnEpochs  CNN epochs per training
     * @param progress   told after each epoch of each branch, the branch tagged with its fold
     * @throws IllegalArgumentException if k &lt; 2 or a class has fewer than k labelled objects
     */
    public static CrossValidation run(List<LabelledObject> labelled, int k, long seed, int lstmEpochs, int cnnEpochs,
                                      TrainingProgress progress) throws XGBoostError {
        StratifiedKFold kfold = StratifiedKFold.of(labelled, k, seed);
        List<LabelledObject> all = kfold.objects();
        int n = all.size();
        int classes = TransientClass.values().length;
        int[] y = all.stream().mapToInt(o -> o.label().ordinal()).toArray();
        double[][] base = new double[n][];
        double[][] px = new double[n][];
        double[][] pl = new double[n][];
        double[][] pc = new double[n][];
        double[][] pf = new double[n][];
        double[][] ps = new double[n][];
        List<String> phases = EarlyClassification.phaseLabels();
        // per phase, the out-of-fold answers on light curves cut to its first days: served, then each branch
        double[][][] early = new double[phases.size()][n][];
        double[][][] earlyXgboost = new double[phases.size()][n][];
        double[][][] earlyLstm = new double[phases.size()][n][];
        double[][][] earlyFused = new double[phases.size()][n][];
        List<String> servedBy = new ArrayList<>();
        boolean anyLstm = false;
        boolean anyCnn = false;
        boolean allFusion = true;
        List<Map<String, Object>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            String tag = "fold " + (f + 1) + "/" + k + " ";
            StratifiedSplit split = kfold.split(f);
            MultimodalTrainer trainer = new MultimodalTrainer(seed, (branch, done, total) -> progress.step(tag + branch, done, total),
                    lstmEpochs, cnnEpochs);
            TrainingRun run = TrainingRun.train(split, seed, trainer);
            List<ObjectData> testData = split.test().stream().map(LabelledObject::data).toList();
            BranchOutputs b = run.bundle().outputs(testData);
            int[] trainY = split.train().stream().mapToInt(o -> o.label().ordinal()).toArray();
            double[][] foldBase = MajorityBaseline.probabilities(trainY, classes, testData.size());
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (kfold.foldOf(i) == f) {
                    at.add(i);
                }
            }
            for (int j = 0; j < at.size(); j++) {
                int i = at.get(j);
                base[i] = foldBase[j];
                px[i] = b.xgboost()[j];
                pl[i] = b.lstm()[j];
                pc[i] = b.cnn()[j];
                pf[i] = b.fused()[j];
            }
            double[][] served = run.bundle().serving().pick(b);
            servedBy.add(run.bundle().serving().model());
            for (int j = 0; j < at.size(); j++) {
                ps[at.get(j)] = served[j];
            }
            List<Integer> withCurve = new ArrayList<>();
            for (int j = 0; j < at.size(); j++) {
                if (EarlyClassification.applies(testData.get(j))) {
                    withCurve.add(j);
                }
            }
            for (int p = 0; p < phases.size(); p++) {
                final int phase = p;
                List<ObjectData> cut = withCurve.stream().map(j -> EarlyClassification.atPhase(testData.get(j), phase)).toList();
                if (cut.isEmpty()) {
                    continue;
                }
                BranchOutputs bc = run.bundle().outputs(cut);
                double[][] q = run.bundle().serving().pick(bc);
                double[][] lstmOrUniform = ModelEvaluation.uniformWhereMasked(bc.lstm(), classes);
                for (int j = 0; j < withCurve.size(); j++) {
                    int i = at.get(withCurve.get(j));
                    early[p][i] = q[j];
                    earlyXgboost[p][i] = bc.xgboost()[j];
                    earlyLstm[p][i] = lstmOrUniform[j];
                    earlyFused[p][i] = bc.fused()[j];
                }
            }
            anyLstm |= run.bundle().hasLstm();
            anyCnn |= run.bundle().hasCnn();
            allFusion &= run.bundle().hasFusion();
            Map<String, Object> fold = new LinkedHashMap<>();
            fold.put("fold", f + 1);
            fold.put("trained_on", run.bundle().manifest().trainedOn());
            fold.put("tested_on", TrainingRun.countByClass(split.test()));
            fold.put("lstm_trained", run.bundle().hasLstm());
            fold.put("cnn_trained", run.bundle().hasCnn());
            fold.put("served", run.bundle().serving().model());
            fold.put("serving_reason", run.bundle().serving().reason());
            folds.add(fold);
        }
        BranchOutputs pooled = new BranchOutputs(px, pl, pc, pf);
        Map<String, Map<String, Integer>> testedOn = new LinkedHashMap<>();
        testedOn.put("majority baseline", TrainingRun.countByClass(all));
        testedOn.put("xgboost", answeredByClass(all, px));
        testedOn.put("lstm", answeredByClass(all, pl));
        testedOn.put("cnn", answeredByClass(all, pc));
        testedOn.put("fused", answeredByClass(all, pf));
        String prefix = "cv " + k + "-fold: ";
        ModelEvaluation evaluation = ModelEvaluation.of(k + "-fold cross-validation, seed " + seed, prefix, "out-of-fold", y, base,
                pooled, anyLstm, anyCnn, allFusion, seed);
        List<Evaluation> extra = new ArrayList<>();
        String servedName = ModelEvaluation.SERVED + " (per fold: " + String.join(", ", servedBy) + ")";
        extra.add(Evaluator.evaluate(prefix + servedName, y, ps, ModelEvaluation.classNames(), seed, ModelEvaluation.BOOTSTRAP_ROUNDS));
        extra.addAll(earlyRows(prefix, ModelEvaluation.SERVED, phases, early, y, seed));
        extra.addAll(earlyRows(prefix, ModelEvaluation.XGBOOST, phases, earlyXgboost, y, seed));
        if (anyLstm) {
            extra.addAll(earlyRows(prefix, ModelEvaluation.LSTM, phases, earlyLstm, y, seed));
        }
        if (allFusion) {
            extra.addAll(earlyRows(prefix, ModelEvaluation.FUSED, phases, earlyFused, y, seed));
        }
        evaluation = evaluation.withRows(extra);
        return new CrossValidation(k, seed, evaluation, testedOn, folds);
    }

    /**
     * @return one evaluation per phase of {@code model}'s answers on the objects that have one at
     *         that phase (those with a light curve), named {@code prefix + "early: MODEL, first N d (n objects)"}
     */
    private static List<Evaluation> earlyRows(String prefix, String model, List<String> phases, double[][][] answers, int[] y, long seed) {
        List<Evaluation> out = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (answers[p][i] != null) {
                    rows.add(i);
                }
            }
            if (!rows.isEmpty()) {
                final double[][] phase = answers[p];
                out.add(Evaluator.evaluate(prefix + EarlyClassification.rowName(model, phases.get(p), rows.size()),
                        rows.stream().mapToInt(i -> y[i]).toArray(), rows.stream().map(i -> phase[i]).toArray(double[][]::new),
                        ModelEvaluation.classNames(), seed, ModelEvaluation.BOOTSTRAP_ROUNDS));
            }
        }
        return out;
    }

    private static Map<String, Integer> answeredByClass(List<LabelledObject> objects, double[][] rows) {
        List<LabelledObject> answered = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (rows[i] != null) {
                answered.add(objects.get(i));
            }
        }
        return TrainingRun.countByClass(answered);
    }

    /** @return K */
    public int k() {
        return k;
    }

    /** @return the pooled out-of-fold evaluation; its rows' names start with {@code "cv K-fold: "} */
    public ModelEvaluation evaluation() {
        return evaluation;
    }

    /** @return per branch ({@code xgboost}, {@code lstm}, {@code cnn}, {@code fused}), objects of each class it answered for across folds */
    public Map<String, Map<String, Integer>> testedOn() {
        return testedOn;
    }

    /** @return e.g. "5-fold cross-validation (seed 42)" */
    public String title() {
        return k + "-fold cross-validation (seed " + seed + ")";
    }

    /** @return one sentence: how many objects of each class each branch was tested on across the folds */
    public String testedOnNote() {
        StringBuilder b = new StringBuilder(title()).append(": objects tested per class across the folds (a branch counts the objects "
                + "it answered for; elsewhere it is masked):");
        testedOn.forEach((branch, counts) -> b.append(' ').append(branch).append(' ').append(counts).append(';'));
        b.setLength(b.length() - 1);
        return b.append('.').toString();
    }

    /**
     * Writes {@code cross-validation.json}: K, seed, each fold's training and test counts and
     * trained branches, the objects each branch was tested on, and per model the pooled macro AUC
     * with its 95% interval, balanced accuracy with its interval, per-class precision, recall and
     * support; then the verdict. Undefined numbers (NaN) are written as null.
     */
    public void writeJson(Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "ztfclass-cross-validation");
        root.put("version", 1);
        root.put("folds_k", k);
        root.put("seed", seed);
        root.put("objects", evaluation.evaluations().get(0).n());
        root.put("tested_on", testedOn);
        root.put("folds", folds);
        List<Map<String, Object>> models = new ArrayList<>();
        for (Evaluation e : evaluation.evaluations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", e.modelName());
            m.put("n", e.n());
            m.put("macro_auc", finite(e.macroAuc().value()));
            m.put("macro_auc_ci95", java.util.Arrays.asList(finite(e.macroAucCi().lower()), finite(e.macroAucCi().upper())));
            m.put("balanced_accuracy", finite(e.balancedAccuracy()));
            m.put("balanced_accuracy_ci95",
                    java.util.Arrays.asList(finite(e.balancedAccuracyCi().lower()), finite(e.balancedAccuracyCi().upper())));
            Map<String, Object> per = new LinkedHashMap<>();
            for (ClassMetrics c : e.perClass()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("support", c.support());
                cm.put("precision", finite(c.precision()));
                cm.put("recall", finite(c.recall()));
                cm.put("auc", finite(c.auc()));
                per.put(c.className(), cm);
            }
            m.put("per_class", per);
            models.add(m);
        }
        root.put("models", models);
        root.put("fused_beats_best_single_branch", evaluation.headline().get("fused_beats_best_single_branch"));
        root.put("verdict", evaluation.headline().get("verdict"));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
