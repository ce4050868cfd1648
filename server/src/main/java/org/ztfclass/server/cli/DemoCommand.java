package org.ztfclass.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztfclass.server.funnel.FunnelConfig;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.ingest.IngestReport;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.StoreWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ztfclass demo}: create a store, ingest the shipped sample of real ZTF data (BTS
 * catalogue, ALeRCE supernovae, SN Ia light curves, alert packets), run the filter funnel with
 * its default thresholds, and serve it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create a store, ingest the shipped sample of real ZTF data and serve it on http://localhost:PORT.")
final class DemoCommand implements Callable<Integer> {

    /** Sample folders in ingest order: catalogues first so positions and labels are there when photometry arrives. */
    static final List<String> SAMPLE_PARTS = List.of("catalogues", "alerce-30sne", "lightcurves-snia", "alerts");

    @Option(names = "--db", paramLabel = "PATH", defaultValue = "${env:ZTFCLASS_DEMO_DB:-ztfclass-demo.db}",
            description = "SQLite database file (default: ${DEFAULT-VALUE})")
    Path db;

    @Mixin
    ServerOptions server;

    @Option(names = "--sample", paramLabel = "DIR", description = "sample data folder (default: install/sample-data of this checkout)")
    Path sample;

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
        System.out.print(new FunnelRunner(new FunnelStore(database)).run(FunnelConfig.defaults()).table());
        ServeCommand.serveUntilStopped(database, server);
        return 0;
    }
}
