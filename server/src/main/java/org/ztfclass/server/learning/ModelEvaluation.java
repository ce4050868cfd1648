package org.ztfclass.server.learning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.evaluation.Evaluation;
import org.ztfclass.models.evaluation.Evaluator;
import org.ztfclass.models.evaluation.MajorityBaseline;
import org.ztfclass.votables.domain.TransientClass;

/**
 * The held-out evaluation of a bundle, side by side with a majority-class baseline on the same
 * objects, and again on the subset of held-out objects that have a light curve (so the report
 * says how the model does when it has more than a catalogue row). Branches not built yet (LSTM,
 * CNN, fusion) are named in the report as such, not silently left out.
 */
public final class ModelEvaluation {

    /** Bootstrap rounds of the confidence intervals. */
    public static final int BOOTSTRAP_ROUNDS = 1000;
    /** Branches the design calls for that this bundle does not have yet. */
    public static final List<String> NOT_BUILT = List.of("lstm (light curve)", "cnn (cutouts)", "fusion");

    private final String modelVersion;
    private final List<Evaluation> evaluations;
    private final Map<String, Integer> testCounts;

    private ModelEvaluation(String modelVersion, List<Evaluation> evaluations, Map<String, Integer> testCounts) {
        this.modelVersion = modelVersion;
        this.evaluations = evaluations;
        this.testCounts = testCounts;
    }

    /**
     * @param train the objects the model was trained on (for the baseline's class frequencies)
     * @param unorderedTest held-out objects with their labels, in any order
     */
    public static ModelEvaluation of(ModelBundle bundle, List<LabelledObject> train, List<LabelledObject> unorderedTest, long seed) {
        // object-id order, so the bootstrap draws the same resamples whoever lists the objects
        List<LabelledObject> test = unorderedTest.stream()
                .sorted(java.util.Comparator.comparing((LabelledObject o) -> o.data().objectId())).toList();
        List<String> classes = new ArrayList<>();
        for (TransientClass c : TransientClass.values()) {
            classes.add(c.name());
        }
        int[] y = test.stream().mapToInt(o -> o.label().ordinal()).toArray();
        int[] trainY = train.stream().mapToInt(o -> o.label().ordinal()).toArray();
        List<ObjectData> data = test.stream().map(LabelledObject::data).toList();
        List<Evaluation> out = new ArrayList<>();
        out.add(Evaluator.evaluate("majority baseline", y, MajorityBaseline.probabilities(trainY, classes.size(), y.length), classes,
                seed, BOOTSTRAP_ROUNDS));
        double[][] p = bundle.probabilities(data);
        out.add(Evaluator.evaluate("xgboost (tabular features)", y, p, classes, seed, BOOTSTRAP_ROUNDS));
        List<Integer> withCurve = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (TrainingRun.hasLightCurve(test.get(i))) {
                withCurve.add(i);
            }
        }
        if (!withCurve.isEmpty()) {
            int[] ys = withCurve.stream().mapToInt(i -> y[i]).toArray();
            double[][] ps = withCurve.stream().map(i -> p[i]).toArray(double[][]::new);
            out.add(Evaluator.evaluate("xgboost, held-out objects with a light curve", ys, ps, classes, seed, BOOTSTRAP_ROUNDS));
        }
        return new ModelEvaluation(bundle.manifest().version(), out, TrainingRun.countByClass(test));
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
            metrics.put(e.modelName(), m);
        }
        metrics.put("not_built_yet", NOT_BUILT);
    }

    /** @return the value, or null for NaN ("undefined"), which JSON cannot hold */
    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** @return the evaluations, baseline first */
    public List<Evaluation> evaluations() {
        return evaluations;
    }

    /** @return a few lines for the console */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("held-out objects per class: %s%n", testCounts));
        b.append(String.format("%-48s %6s %22s %22s %9s%n", "model", "n", "macro AUC [95% CI]", "balanced acc [95% CI]", "accuracy"));
        for (Evaluation e : evaluations) {
            b.append(String.format("%-48s %6d %8.3f [%5.3f, %5.3f] %8.3f [%5.3f, %5.3f] %9.3f%n", e.modelName(), e.n(),
                    e.macroAuc().value(), e.macroAucCi().lower(), e.macroAucCi().upper(), e.balancedAccuracy(),
                    e.balancedAccuracyCi().lower(), e.balancedAccuracyCi().upper(), e.accuracy()));
        }
        b.append("not built yet: ").append(String.join(", ", NOT_BUILT)).append(System.lineSeparator());
        return b.toString();
    }

    /** Writes {@code evaluation.json}, the plots and {@code index.html} into {@code dir}. */
    public void writeReport(Path dir) throws IOException {
        Files.createDirectories(dir);
        ReportFiles.write(dir, modelVersion, evaluations, NOT_BUILT);
    }
}
