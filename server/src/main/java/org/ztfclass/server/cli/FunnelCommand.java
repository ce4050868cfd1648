package org.ztfclass.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ztfclass.server.funnel.FunnelConfig;
import org.ztfclass.server.funnel.FunnelConfigException;
import org.ztfclass.server.funnel.FunnelReport;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ztfclass funnel}: run the filter funnel over the store and print its stage table. */
@Command(name = "funnel", mixinStandardHelpOptions = true, subcommands = FunnelCommand.Rescue.class,
        description = {"Run the filter funnel over every object in the store and print, per stage: objects in, dropped, out, "
                + "the main reason, and the change against the previous run.",
                "Exit status: 0 after a run, 2 for a configuration that cannot run (nothing is run then)."})
final class FunnelCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--config", paramLabel = "FILE", description = "stage list and thresholds over the defaults (see --print-config)")
    Path config;

    @Option(names = "--print-config", description = "print the default configuration, with where each value comes from, and exit")
    boolean printConfig;

    @Override
    public Integer call() throws Exception {
        if (printConfig) {
            System.out.print(FunnelConfig.defaultsText());
            return 0;
        }
        FunnelReport report;
        try {
            FunnelConfig cfg = config == null ? FunnelConfig.defaults() : FunnelConfig.load(config);
            cfg.stages(); // every key checked, every list read, before the store is touched
            report = new FunnelRunner(new FunnelStore(Database.open(store.db))).run(cfg);
        } catch (FunnelConfigException e) {
            System.err.println("funnel configuration: " + e.getMessage());
            return 2;
        }
        System.out.print(report.table());
        return 0;
    }

    @Command(name = "rescue", mixinStandardHelpOptions = true,
            description = "Record that a dropped object belongs in the funnel's output (an event; the next run counts it as rescued).")
    static final class Rescue implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Parameters(index = "0", paramLabel = "OBJECT_ID")
        String objectId;

        @Option(names = "--reason", required = true, description = "why the stage was wrong for this object")
        String reason;

        @Option(names = "--user", defaultValue = "${sys:user.name}", description = "who rescues it (default: ${DEFAULT-VALUE})")
        String user;

        @Override
        public Integer call() throws Exception {
            if (!new FunnelStore(Database.open(store.db)).addRescue(objectId, user, reason)) {
                System.err.println("unknown objectId '" + objectId + "': no such object in " + store.db);
                return 2;
            }
            System.out.println("rescued " + objectId + " (by " + user + "): it passes from the next funnel run on");
            return 0;
        }
    }
}
