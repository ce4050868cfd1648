package org.ztfclass.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztfclass.models.bundle.BundleException;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.funnel.FunnelConfig;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestReport;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.learning.StoreScoring;
import org.ztfclass.server.learning.TrainedModel;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.StoreWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ztfclass demo}: create a store, ingest the shipped sample of real ZTF data (BTS
 * catalogue, ALeRCE supernovae, SN Ia light curves, ANTARES light curves of every class, Fink and
 * Pitt-Google alert light curves, GROWTH marshal light curves, alert packets), run the filter funnel with
 * its default thresholds, train a model on first start (or load it), score every object, and serve it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create a store, ingest the shipped sample of real ZTF data and serve it on http://localhost:PORT.")
final class DemoCommand implements Callable<Integer> {

    /**
     * Sample folders in ingest order: catalogues first so positions and labels are there when photometry arrives.
     * Light curves of every class (ANTARES, Fink, Pitt-Google, GROWTH marshal) with their label lists; each object
     * has one light-curve source per kind (the SN Ia of {@code lightcurves-snia} also in {@code antares-bts} were removed).
     */
    static final List<String> SAMPLE_PARTS = List.of("catalogues", "alerce-30sne", "lightcurves-snia", "antares-bts",
            "fink-science-alerts", "pitt-google-alerts", "early-tde-fink-lcs", "annayqho-icbl", "alerts");
    /** The sample's one object with optical and radio data from other instruments, and its folder. */
    static final String MULTI_SURVEY_OBJECT = "ZTF22abftjko";
    static final String MULTI_SURVEY_PART = "at2022tsd";

    @Option(names = "--db", paramLabel = "PATH|postgresql://HOST[:PORT]/DB", defaultValue = "${env:ZTFCLASS_DEMO_DB:-ztfclass-demo.db}",
            description = "the store: an SQLite file or postgresql://HOST[:PORT]/DB (default: ${DEFAULT-VALUE})")
    String db;

    @Mixin
    ServerOptions server;

    @Option(names = "--sample", paramLabel = "DIR", description = "sample data folder (default: install/sample-data of this checkout)")
    Path sample;

    @Option(names = "--model", paramLabel = "DIR", defaultValue = "ztfclass-demo-model",
            description = "model bundle: trained on the store's labelled objects on first start if missing (default: ${DEFAULT-VALUE})")
    Path model;

    @Override
    public Integer call() throws Exception {
        Path root = sample != null ? sample : Home.sampleData();
        if (!Files.isDirectory(root)) {
            System.err.println("sample data not found at " + root + " (use --sample DIR)");
            return 2;
        }
        Database database = Database.open(db);
        System.out.println("ingesting the sample of real ZTF data from " + root);
        IngestReport report = new IngestService(new StoreWriter(database))
                .ingest(SAMPLE_PARTS.stream().map(root::resolve).toList(), new ConsoleProgress(System.err));
        IngestCommand.print(report);
        if (Files.isDirectory(root.resolve(MULTI_SURVEY_PART))) {
            IngestReport multi = new IngestService(new StoreWriter(database)).forObject(MULTI_SURVEY_OBJECT)
                    .ingest(List.of(root.resolve(MULTI_SURVEY_PART)), IngestProgress.SILENT);
            System.out.printf("multi-survey photometry of %s (AT2022tsd): %,d points added, %d epochs without a measurement%n",
                    MULTI_SURVEY_OBJECT, multi.added().detections(), multi.problems().size());
        }
        System.out.print(new FunnelRunner(new FunnelStore(database)).run(FunnelConfig.defaults()).table());
        ModelBundle bundle = demoModel(database);
        int scored = StoreScoring.scoreAll(database, bundle);
        System.out.printf("scored %,d objects with model %s%n", scored, bundle.manifest().version());
        var admin = org.ztfclass.server.auth.DemoAccount.ensure(database);
        System.out.printf("demo admin (web sign-in): user %s  password %s%nAPI token (Authorization: Bearer ...): %s%n",
                admin.name(), admin.password(), admin.token());
        ServeCommand.serveUntilStopped(database, server, model);
        return 0;
    }

    /** @return the demo's model: the bundle in {@link #model}, or one trained now from the store's labels */
    private ModelBundle demoModel(Database database) throws Exception {
        if (Files.isRegularFile(model.resolve(ModelBundle.MANIFEST))) {
            try {
                return ModelBundle.load(model);
            } catch (BundleException e) {
                System.err.println("model " + model + " unusable (" + e.getMessage() + "); training a new one");
            }
        }
        System.out.println("training the demo model on the store's labelled objects (first start)...");
        java.util.List<org.ztfclass.models.data.LabelledObject> labelled = new ObjectDataLoader(database).labelled();
        Path alerts = Home.sampleData().resolve(org.ztfclass.server.learning.AlertTrainingSet.SAMPLE_PART);
        if (Files.isDirectory(alerts)) { // labelled alert histories and cutouts for the LSTM and CNN (never ingested: fake positions)
            labelled = org.ztfclass.server.learning.AlertTrainingSet.read(alerts).addTo(labelled);
        }
        TrainedModel trained = TrainedModel.trainAndSave(labelled, 20261125L, model, new BranchProgressBar(System.err));
        System.out.print(trained.evaluation().summary());
        return trained.bundle();
    }
}
