package org.ztfclass.server.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.server.learning.ConsensusObjects;
import org.ztfclass.server.learning.LearningConfig;
import org.ztfclass.server.learning.ModelTrainer;
import org.ztfclass.server.learning.Simulation;
import org.ztfclass.server.learning.SimulationReport;
import org.ztfclass.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ztfclass simulate}: replay the store's real labelled set in rounds, random vs active-learning queue, and write the learning curve. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Replay the real labelled set as if people labelled it in rounds (random queue vs active-learning queue), "
                + "retrain each round, and write the learning curve (CSV, SVG, Markdown) and when each class's takeover switched on.")
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--round", defaultValue = "300", description = "labels per round (default: ${DEFAULT-VALUE})")
    int round;

    @Option(names = "--max-labels", defaultValue = "1000000", description = "stop after this many labels (default: the whole pool)")
    int maxLabels;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ztfclass-simulation", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--min-audited", paramLabel = "K", description = "audited objects above the threshold a class needs for takeover "
            + "(default: ztfclass.learning.minAudited, 50)")
    Integer minAudited;

    @Override
    public Integer call() throws Exception {
        LearningConfig config = LearningConfig.fromSystemProperties();
        if (minAudited != null) {
            config = config.withMinAudited(minAudited);
        }
        Database db = Database.open(store.db);
        List<LabelledObject> labelled = ConsensusObjects.load(db);
        if (labelled.isEmpty()) {
            System.err.println("the store " + store.db + " has no labelled objects; ingest a catalogue or label list first");
            return 2;
        }
        if (round < 1) {
            System.err.println("--round must be at least 1");
            return 2;
        }
        System.err.printf("simulating on %,d labelled objects, %d labels a round...%n", labelled.size(), round);
        long t0 = System.nanoTime();
        Simulation.Result r = new Simulation(ModelTrainer.DEFAULT, config, round, Math.max(round, maxLabels)).run(labelled, System.err::println);
        SimulationReport.write(r, out);
        System.out.print(SimulationReport.markdown(r));
        System.out.printf("%nwritten to %s (learning-curve.csv, learning-curve.svg, learning-curve.md, takeover.csv) in %.0f s%n", out,
                (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
