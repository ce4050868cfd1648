package org.ztfclass.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ztfclass.server.learning.JobLog;
import org.ztfclass.server.learning.LearningConfig;
import org.ztfclass.server.learning.ModelTrainer;
import org.ztfclass.server.learning.Retraining;
import org.ztfclass.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ztfclass retrain}: run one retraining job now, in this process (what the API's job does). */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "Retrain on the consensus labels (audit set held out), evaluate on the audit set and promote the new version "
                + "if its macro AUC is not lower than the serving version's. One job at a time per store.")
final class RetrainCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--models", paramLabel = "DIR", description = "where model versions are kept (default: STORE.models beside the database)")
    Path models;

    @Override
    public Integer call() throws Exception {
        Database db = Database.open(store.db);
        try (Retraining r = new Retraining(db, models != null ? models : Retraining.defaultModelsDir(db), ModelTrainer.DEFAULT,
                LearningConfig.fromSystemProperties())) {
            JobLog.Job job = r.runNow("cli", null);
            System.out.println("job " + job.id() + " " + job.status() + ": " + job.candidateVersion() + " - " + job.message());
            return job.status().equals("succeeded") ? 0 : 1;
        } catch (JobLog.AlreadyRunning e) {
            System.err.println(e.getMessage());
            return 3;
        }
    }
}
