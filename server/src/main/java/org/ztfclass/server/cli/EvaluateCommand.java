package org.ztfclass.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.server.learning.CrossValidation;
import org.ztfclass.server.learning.ModelEvaluation;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectDataLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ztfclass evaluate MODEL_DIR}: evaluate a bundle again on its held-out objects and write the report. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model bundle on the objects it held out (their data and current labels from the store), "
                + "next to a majority-class baseline, and write the report: JSON, SVG plots and an HTML page.")
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL_DIR")
    Path model;

    @Mixin
    StoreOption store;

    @Mixin
    TrainingAlertsOption trainingAlerts;

    @Option(names = "--out", paramLabel = "DIR", description = "report directory (default: MODEL_DIR/report)")
    Path out;

    @Option(names = "--cv", paramLabel = "K", description = "also run stratified K-fold cross-validation (by object, the model's "
            + "seed; K = " + CrossValidation.DEFAULT_FOLDS + " is usual) on every labelled object: every branch and the fusion "
            + "retrained per fold, out-of-fold predictions pooled; its table joins the report and gives the verdict. Slow: K full trainings.")
    Integer cv;

    @Override
    public Integer call() throws Exception {
        ModelBundle bundle = Bundles.loadOrExplain(model);
        if (bundle == null) {
            return 2;
        }
        ObjectDataLoader loader = new ObjectDataLoader(Database.open(store.db));
        java.util.Set<String> heldOut = new java.util.HashSet<>(bundle.manifest().testObjectIds());
        List<LabelledObject> test = new ArrayList<>();
        List<LabelledObject> train = new ArrayList<>();
        for (LabelledObject o : trainingAlerts.addTo(loader.labelled())) {
            (heldOut.contains(o.data().objectId()) ? test : train).add(o);
        }
        if (test.isEmpty()) {
            System.err.println("none of the model's " + heldOut.size() + " held-out objects is labelled in " + store.db);
            return 2;
        }
        ModelEvaluation evaluation = ModelEvaluation.of(bundle, train, test, bundle.manifest().seed());
        Path dir = out != null ? out : model.resolve("report");
        CrossValidation crossValidation = null;
        if (cv != null) {
            List<LabelledObject> all = new ArrayList<>(train);
            all.addAll(test);
            try {
                crossValidation = CrossValidation.run(all, cv, bundle.manifest().seed(), new BranchProgressBar(System.err));
            } catch (IllegalArgumentException e) {
                System.err.println("cannot cross-validate: " + e.getMessage());
                return 2;
            }
            evaluation = evaluation.withCrossValidation(crossValidation);
        }
        evaluation.writeReport(dir);
        if (crossValidation != null) {
            crossValidation.writeJson(dir.resolve("cross-validation.json"));
        }
        System.out.print(evaluation.summary());
        System.out.println("report written to " + dir.resolve("index.html"));
        return 0;
    }
}
