package org.ztfclass.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.LabelledObject;
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
        evaluation.writeReport(dir);
        System.out.print(evaluation.summary());
        System.out.println("report written to " + dir.resolve("index.html"));
        return 0;
    }
}
