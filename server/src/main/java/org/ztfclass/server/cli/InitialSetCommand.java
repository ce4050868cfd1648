package org.ztfclass.server.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.ztfclass.server.learning.InitialSet;
import org.ztfclass.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ztfclass initial-set --size N}: choose the objects to label first; without --size, show progress. */
@Command(name = "initial-set", mixinStandardHelpOptions = true,
        description = "Choose the objects to label first: a sample of the transients the funnel passed, stratified over peak "
                + "brightness, Galactic latitude and year of first detection. Without --size, show how many are labelled.")
final class InitialSetCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--size", paramLabel = "N", description = "how many objects (e.g. 3000); replaces the current set")
    Integer size;

    @Option(names = "--seed", defaultValue = "20261125", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (size != null && size <= 0) {
            System.err.println("--size must be > 0, got " + size);
            return 2;
        }
        InitialSet set = new InitialSet(Database.open(store.db));
        List<InitialSet.Stratum> strata = size == null ? set.progress() : set.choose(size, seed);
        int chosen = 0;
        int labelled = 0;
        System.out.printf("%-45s %10s %8s %9s%n", "stratum (peak | sky | year)", "available", "chosen", "labelled");
        for (InitialSet.Stratum s : strata) {
            System.out.printf("%-45s %10s %8d %9d%n", s.name(), s.available() < 0 ? "" : Integer.toString(s.available()), s.chosen(),
                    s.labelled());
            chosen += s.chosen();
            labelled += s.labelled();
        }
        int width = 30;
        int filled = chosen == 0 ? 0 : labelled * width / chosen;
        System.out.printf("[%s%s] %d/%d labelled%n", "#".repeat(filled), " ".repeat(width - filled), labelled, chosen);
        return 0;
    }
}
