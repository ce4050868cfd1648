package org.ztfclass.server.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.server.learning.LabelFile;
import org.ztfclass.server.learning.TrainedModel;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectDataLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ztfclass train}: train the classifier on the labelled objects and write a model bundle with its evaluation. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the classifier (XGBoost, LSTM, CNN and their fusion) on the labelled objects in the store (or those "
                + "listed in --labels) plus the labelled training alerts, holding out 20%% per class (by object, fixed seed) for the "
                + "evaluation written into the bundle.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "train on the objects and classes of this label list or BTS catalogue instead of the store's labels "
                    + "(their data still comes from the store)")
    Path labels;

    @Mixin
    TrainingAlertsOption trainingAlerts;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ztfclass-model", description = "bundle directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "20261125", description = "split and training seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        Database db = Database.open(store.db);
        ObjectDataLoader loader = new ObjectDataLoader(db);
        List<LabelledObject> fromStore = labels == null ? loader.labelled() : LabelFile.read(labels, loader);
        if (fromStore.isEmpty()) {
            System.err.println("cannot train: " + (labels == null ? "the store " + store.db + " has no labelled objects"
                    : "no object of " + labels + " is in the store " + store.db) + ". Ingest light curves and labels first, e.g.\n"
                    + "  install/ztfclass ingest --db " + store.db + " install/sample-data/antares-bts install/sample-data/catalogues/bts.csv\n"
                    + "(a label list has an object-id column and a class column: objectId,label), or label objects in the web "
                    + "application; then run train again. The labelled training alerts alone are too few for a useful model.");
            return 2;
        }
        List<LabelledObject> labelled = trainingAlerts.addTo(fromStore);
        System.err.printf("training on %,d labelled objects...%n", labelled.size());
        TrainedModel trained;
        try {
            trained = TrainedModel.trainAndSave(labelled, seed, out, new BranchProgressBar(System.err));
        } catch (IllegalArgumentException e) {
            System.err.println("cannot train: " + e.getMessage());
            return 2;
        }
        System.out.print(trained.evaluation().summary());
        System.out.println("model " + trained.bundle().manifest().version() + " written to " + out + " (report: "
                + out.resolve("report/index.html") + ")");
        return 0;
    }
}
