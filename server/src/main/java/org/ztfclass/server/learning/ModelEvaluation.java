package org.ztfclass.server.learning;

import org.ztfclass.models.evaluation.EarlyClassification;
import org.ztfclass.models.training.ServingChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.evaluation.Evaluation;
import org.ztfclass.models.evaluation.Evaluator;
import org.ztfclass.models.evaluation.MajorityBaseline;
import org.ztfclass.models.training.BranchOutputs;
import org.ztfclass.votables.domain.TransientClass;

/**
 * The held-out evaluation of a bundle: side by side on the same held-out objects, a
 * majority-class baseline, XGBoost alone, the LSTM alone, the CNN alone and the fused model
 * (a masked branch answers with uniform probabilities, so "alone" rows on all objects show what
 * that branch adds over nothing); then the same comparison on the held-out objects each neural
 * branch could read (light-curve sequence; cutouts), where it is not diluted by masked objects.
 * The verdict says plainly whether the fused model beats the best single branch on macro AUC.
 */
public final class ModelEvaluation {

    /** Bootstrap rounds of the confidence intervals. */
    public static final int BOOTSTRAP_ROUNDS = 1000;
    /** Row names. */
    public static final String BASELINE = "majority baseline";
    public static final String XGBOOST = "xgboost (tabular features)";
    public static final String LSTM = "lstm alone (light curve; uniform where masked)";
    public static final String CNN = "cnn alone (cutouts; uniform where masked)";
    public static final String FUSED = "fused (calibrated)";

    private final String modelVersion;
    private final List<Evaluation> evaluations;
    private final Map<String, Integer> testCounts;
    private final List<String> notes;
    private final Map<String, Object> headline;
    private final EarlyClassification early;

    private ModelEvaluation(String modelVersion, List<Evaluation> evaluations, Map<String, Integer> testCounts, List<String> notes,
                            Map<String, Object> headline) {
        this(modelVersion, evaluations, testCounts, notes, headline, null);
    }

    private ModelEvaluation(String modelVersion, List<Evaluation> evaluations, Map<String, Integer> testCounts, List<String> notes,
                            Map<String, Object> headline, EarlyClassification early) {
        this.modelVersion = modelVersion;
        this.evaluations = evaluations;
        this.testCounts = testCounts;
        this.notes = notes;
        this.headline = headline;
        this.early = early;
    }

    /**
     * @param train the objects the model was trained on (for the baseline's class frequencies)
     * @param unorderedTest held-out objects with their labels, in any order
     */
    public static ModelEvaluation of(ModelBundle bundle, List<LabelledObject> train, List<LabelledObject> unorderedTest, long seed) {
        // object-id order, so the bootstrap draws the same resamples whoever lists the objects
        List<LabelledObject> test = unorderedTest.stream()
                .sorted(java.util.Comparator.comparing((LabelledObject o) -> o.data().objectId())).toList();
        int k = TransientClass.values().length;
        int[] y = test.stream().mapToInt(o -> o.label().ordinal()).toArray();
        int[] trainY = train.stream().mapToInt(o -> o.label().ordinal()).toArray();
        List<ObjectData> data = test.stream().map(LabelledObject::data).toList();
        BranchOutputs b = bundle.outputs(data);
        double[][] base = MajorityBaseline.probabilities(trainY, k, y.length);
        ModelEvaluation e = of(bundle.manifest().version(), "", "held-out", y, base, b, bundle.hasLstm(), bundle.hasCnn(), bundle.hasFusion(), seed);
        ServingChoice serving = bundle.serving();
        List<Evaluation> rows = new ArrayList<>(e.evaluations);
        rows.add(Evaluator.evaluate(SERVED + " (" + serving.model() + ")", y, serving.pick(b), classNames(), seed, BOOTSTRAP_ROUNDS));
        EarlyClassification early = early(bundle, serving.model(), test, seed);
        rows.addAll(early.phases());
        List<String> notes = new ArrayList<>(e.notes);
        notes.add("Served answer: " + serving.model() + ". " + serving.reason() + ".");
        notes.add(early.phases().isEmpty() ? "Early classification: no held-out object has a light curve." : "Early classification: the served model on the held-out objects with a light curve, cut to the first 5, 10, 20 and 40 "
                + "days after the first detection and whole, without their catalogue summary (rows 'early: …').");
        Map<String, Object> headline = new LinkedHashMap<>(e.headline);
        headline.put("serving", serving.model());
        return new ModelEvaluation(e.modelVersion, rows, e.testCounts, notes, headline, early);
    }

    /** Row name of the served answer. */
    public static final String SERVED = "served";

    /**
     * @return the served model on the test objects that have a light curve, cut to the first
     *         {@link EarlyClassification#PHASES} days and whole, with no catalogue summary
     */
    static EarlyClassification early(ModelBundle bundle, String servedName, List<LabelledObject> test, long seed) {
        List<LabelledObject> withCurve = test.stream().filter(o -> EarlyClassification.applies(o.data())).toList();
        int[] y = withCurve.stream().mapToInt(o -> o.label().ordinal()).toArray();
        List<Evaluation> rows = new ArrayList<>();
        if (withCurve.isEmpty()) {
            return new EarlyClassification(rows, List.of());
        }
        List<String> labels = EarlyClassification.phaseLabels();
        for (int p = 0; p < labels.size(); p++) {
            final int phase = p;
            List<ObjectData> cut = withCurve.stream().map(o -> EarlyClassification.atPhase(o.data(), phase)).toList();
            rows.add(Evaluator.evaluate(EarlyClassification.rowName(SERVED + " (" + servedName + ")", labels.get(p), y.length), y,
                    bundle.probabilities(cut), classNames(), seed, BOOTSTRAP_ROUNDS));
        }
        return new EarlyClassification(rows, labels);
    }

    /** @return the class names, {@link TransientClass} order */
    static List<String> classNames() {
        List<String> classes = new ArrayList<>();
        for (TransientClass c : TransientClass.values()) {
            classes.add(c.name());
        }
        return classes;
    }

    /**
     * The comparison on given outputs: the held-out objects of one model, or the pooled
     * out-of-fold outputs of a cross-validation (see {@link CrossValidation}).
     *
     * @param modelVersion the model's version (report title)
     * @param rowPrefix    put before every row's name ("" for none)
     * @param setName      what the objects are, for the notes ("held-out", "out-of-fold")
     * @param y            true classes, {@link TransientClass} ordinals
     * @param base         the majority baseline's probabilities per object
     * @param b            the branches' and the fusion's outputs per object, rows as {@code y}
     * @param hasLstm      whether an LSTM row is reported
     * @param hasCnn       whether a CNN row is reported
     * @param hasFusion    false if 'fused' is XGBoost's answer (said in the notes)
     * @param seed         bootstrap seed
     */
    public static ModelEvaluation of(String modelVersion, String rowPrefix, String setName, int[] y, double[][] base, BranchOutputs b,
                                     boolean hasLstm, boolean hasCnn, boolean hasFusion, long seed) {
        List<String> classes = classNames();
        int k = classes.size();
        List<Evaluation> out = new ArrayList<>();
        out.add(Evaluator.evaluate(rowPrefix + BASELINE, y, base, classes, seed, BOOTSTRAP_ROUNDS));
        Evaluation xgb = Evaluator.evaluate(rowPrefix + XGBOOST, y, b.xgboost(), classes, seed, BOOTSTRAP_ROUNDS);
        out.add(xgb);
        Evaluation lstm = hasLstm ? Evaluator.evaluate(rowPrefix + LSTM, y, uniformWhereMasked(b.lstm(), k), classes, seed, BOOTSTRAP_ROUNDS) : null;
        Evaluation cnn = hasCnn ? Evaluator.evaluate(rowPrefix + CNN, y, uniformWhereMasked(b.cnn(), k), classes, seed, BOOTSTRAP_ROUNDS) : null;
        if (lstm != null) {
            out.add(lstm);
        }
        if (cnn != null) {
            out.add(cnn);
        }
        Evaluation fused = Evaluator.evaluate(rowPrefix + FUSED, y, b.fused(), classes, seed, BOOTSTRAP_ROUNDS);
        out.add(fused);

        List<String> notes = new ArrayList<>();
        Map<String, Object> headline = new LinkedHashMap<>();
        int nl = BranchOutputs.answered(b.lstm());
        int nc = BranchOutputs.answered(b.cnn());
        notes.add(String.format("Coverage of the %d %s objects: xgboost %d, lstm %d (>= 2 usable detections), "
                + "cnn %d (a usable cutout triplet)%s.", y.length, setName, y.length, nl, nc,
                hasFusion ? "" : "; this bundle has no fusion network, so 'fused' is XGBoost's answer"));
        headline.put("held_out_objects", y.length);
        headline.put("lstm_answered", nl);
        headline.put("cnn_answered", nc);
        if (hasLstm) {
            subset(out, rowPrefix, "light-curve subset", b.lstm(), y, b, classes, seed, "lstm");
        }
        if (hasCnn) {
            subset(out, rowPrefix, "cutout subset", b.cnn(), y, b, classes, seed, "cnn");
        }
        Evaluation best = xgb;
        for (Evaluation e : Arrays.asList(lstm, cnn)) {
            if (e != null && e.macroAuc().value() > best.macroAuc().value()) {
                best = e;
            }
        }
        boolean overlap = fused.macroAucCi().lower() <= best.macroAucCi().upper() && best.macroAucCi().lower() <= fused.macroAucCi().upper();
        String verdict = fused.macroAuc().value() > best.macroAuc().value()
                ? String.format("The fused model beats the best single branch on macro AUC: %.3f against %.3f (%s)%s",
                        fused.macroAuc().value(), best.macroAuc().value(), best.modelName(), overlap
                                ? ", but by less than the uncertainty (the 95% intervals overlap): the LSTM and CNN answer for only "
                                + nl + " and " + nc + " of " + y.length + " " + setName + " objects, so the fused model is mostly XGBoost."
                                : ".")
                : String.format("The fused model does NOT beat the best single branch on macro AUC: %.3f against %.3f (%s). Why: "
                        + "the LSTM answers for %d and the CNN for %d of %d %s objects, and on the objects they read they are weaker "
                        + "than the best branch (see the subset rows), so the fusion (trained on their out-of-fold outputs) adds "
                        + "nothing it can rely on; the served answer is chosen by cross-validation (see 'Served answer').",
                        fused.macroAuc().value(), best.macroAuc().value(), best.modelName(), nl, nc, y.length, setName);
        notes.add(verdict);
        headline.put("fused_beats_best_single_branch", fused.macroAuc().value() > best.macroAuc().value());
        headline.put("verdict", verdict);
        notes.add("Every model above was evaluated on " + setName + " objects that no part of it trained on. The rows of a subset compare "
                + "the models on the same objects (those the named branch could read).");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TransientClass c : TransientClass.values()) {
            counts.put(c.name(), 0);
        }
        for (int v : y) {
            counts.merge(TransientClass.values()[v].name(), 1, Integer::sum);
        }
        return new ModelEvaluation(modelVersion, out, counts, notes, headline);
    }

    private static void subset(List<Evaluation> out, String prefix, String name, double[][] branchRows, int[] y, BranchOutputs b,
                               List<String> classes, long seed, String branch) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (branchRows[i] != null) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        int[] ys = rows.stream().mapToInt(i -> y[i]).toArray();
        out.add(Evaluator.evaluate(prefix + "xgboost, " + name, ys, pick(b.xgboost(), rows), classes, seed, BOOTSTRAP_ROUNDS));
        out.add(Evaluator.evaluate(prefix + branch + " alone, " + name, ys, pick(branchRows, rows), classes, seed, BOOTSTRAP_ROUNDS));
        out.add(Evaluator.evaluate(prefix + "fused, " + name, ys, pick(b.fused(), rows), classes, seed, BOOTSTRAP_ROUNDS));
    }

    private static double[][] pick(double[][] p, List<Integer> rows) {
        return rows.stream().map(i -> p[i]).toArray(double[][]::new);
    }

    /** @return the answers, with uniform probabilities over {@code k} classes where a branch answered nothing (null) */
    static double[][] uniformWhereMasked(double[][] p, int k) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            if (p[i] != null) {
                out[i] = p[i];
            } else {
                out[i] = new double[k];
                Arrays.fill(out[i], 1.0 / k);
            }
        }
        return out;
    }

    /** Puts the headline numbers into the bundle's manifest (before it is saved). */
    public void recordIn(ModelBundle bundle) {
        Map<String, Object> metrics = bundle.manifest().metrics();
        for (Evaluation e : evaluations) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", e.n());
            m.put("macro_auc", finite(e.macroAuc().value()));
            m.put("macro_auc_ci95", java.util.Arrays.asList(finite(e.macroAucCi().lower()), finite(e.macroAucCi().upper())));
            m.put("balanced_accuracy", finite(e.balancedAccuracy()));
            m.put("accuracy", finite(e.accuracy()));
            double[] ia = EarlyClassification.snIaPrecisionRecall(e);
            m.put("sn_ia_precision", finite(ia[0]));
            m.put("sn_ia_recall", finite(ia[1]));
            metrics.put(e.modelName(), m);
        }
        metrics.putAll(headline);
    }

    /** @return the value, or null for NaN ("undefined"), which JSON cannot hold */
    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** @return the evaluations, baseline first */
    public List<Evaluation> evaluations() {
        return evaluations;
    }

    /** @return the headline figures: coverage, {@code fused_beats_best_single_branch}, {@code verdict} */
    public Map<String, Object> headline() {
        return headline;
    }

    /**
     * This (single-split) evaluation with a cross-validation's rows after its own, for one report:
     * the notes of both, and the verdict taken from the cross-validation (more objects tested).
     */
    public ModelEvaluation withCrossValidation(CrossValidation cv) {
        ModelEvaluation c = cv.evaluation();
        List<Evaluation> all = new ArrayList<>(evaluations);
        all.addAll(c.evaluations);
        List<String> allNotes = new ArrayList<>();
        notes.forEach(n -> allNotes.add("Single held-out split: " + n));
        c.notes.forEach(n -> allNotes.add(cv.title() + ": " + n));
        allNotes.add(cv.testedOnNote());
        allNotes.add("Verdict (from the " + cv.title() + ", which tests every labelled object once): " + c.headline.get("verdict"));
        Map<String, Object> h = new LinkedHashMap<>(headline);
        h.put("cross_validation", c.headline);
        h.put("fused_beats_best_single_branch", c.headline.get("fused_beats_best_single_branch"));
        h.put("verdict", c.headline.get("verdict"));
        return new ModelEvaluation(modelVersion, all, testCounts, allNotes, h, early);
    }

    /** @return this evaluation with more rows after its own (same notes and headline) */
    ModelEvaluation withRows(List<Evaluation> more) {
        List<Evaluation> all = new ArrayList<>(evaluations);
        all.addAll(more);
        return new ModelEvaluation(modelVersion, all, testCounts, notes, headline, early);
    }

    /** @return the early-classification rows of the held-out evaluation, null for a cross-validation's */
    public EarlyClassification early() {
        return early;
    }

    /** @return the report's notes: coverage and the fused-versus-best-branch verdict */
    public List<String> notes() {
        return notes;
    }

    /** @return a few lines for the console */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("held-out objects per class: %s%n", testCounts));
        b.append(String.format("%-52s %6s %22s %22s %9s%n", "model", "n", "macro AUC [95% CI]", "balanced acc [95% CI]", "accuracy"));
        for (Evaluation e : evaluations) {
            b.append(String.format("%-52s %6d %8.3f [%5.3f, %5.3f] %8.3f [%5.3f, %5.3f] %9.3f%n", e.modelName(), e.n(),
                    e.macroAuc().value(), e.macroAucCi().lower(), e.macroAucCi().upper(), e.balancedAccuracy(),
                    e.balancedAccuracyCi().lower(), e.balancedAccuracyCi().upper(), e.accuracy()));
        }
        notes.forEach(n -> b.append(n).append(System.lineSeparator()));
        return b.toString();
    }

    /** Writes {@code evaluation.json}, the plots and {@code index.html} into {@code dir}. */
    public void writeReport(Path dir) throws IOException {
        Files.createDirectories(dir);
        ReportFiles.write(dir, modelVersion, evaluations, notes, early);
    }
}
