package org.ztfclass.server.cli;

import java.util.concurrent.Callable;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.SyntheticObjects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ztfclass generate --objects N}: add synthetic objects resampled from the real ones, for scale tests. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Add N synthetic objects (named synthetic000000001..., marked synthetic in the store) resampled from the "
                + "real objects already ingested: positions spread over the sky, magnitudes, scores and distances jittered.")
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--objects", required = true, paramLabel = "N", description = "how many to add")
    long objects;

    @Option(names = "--seed", defaultValue = "20261125", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (objects <= 0) {
            System.err.println("--objects must be > 0, got " + objects);
            return 2;
        }
        Database db = Database.open(store.db);
        ConsoleProgress bar = new ConsoleProgress(System.err);
        int templates;
        try {
            templates = new SyntheticObjects(db).generate(objects, seed,
                    done -> bar.fileDone((int) (done * 1000 / objects), 1000, null));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        System.out.printf("added %,d synthetic objects resampled from %,d real ones (store: %s)%n", objects, templates, db.location());
        return 0;
    }
}
