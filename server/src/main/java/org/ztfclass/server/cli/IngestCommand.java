package org.ztfclass.server.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztfclass.server.ingest.IngestReport;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.input.InputProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ztfclass ingest PATH...}: load files into the store, report what was added and rejected. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load ZTF Avro alert packets, light-curve CSVs (time,mag,magerr,band), ALeRCE detection tables, "
                + "the BTS catalogue, label lists, and survey photometry (ZTF forced photometry, PS1, ATLAS, radio; see --object) "
                + "into the store. Folders are read recursively. "
                + "Re-ingesting the same data adds nothing.",
                "Exit status: 0 when the run completed (rejected records are listed), 3 with --strict if anything was rejected."})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders to ingest")
    List<Path> paths;

    @Option(names = "--strict", description = "exit with status 3 if any file, packet or row was rejected")
    boolean strict;

    @Option(names = "--object", paramLabel = "ZTF_ID",
            description = "the object that survey photometry files (ZTF forced photometry, PS1, ATLAS, radio) belong to; "
                    + "without it, a ZTF forced-photometry file is matched to a stored object by the position in its header")
    String object;

    @Override
    public Integer call() throws Exception {
        Database db = Database.open(store.db);
        IngestReport report = new IngestService(new StoreWriter(db), new org.ztfclass.server.store.ObjectQueries(db))
                .forObject(object).ingest(paths, new ConsoleProgress(System.err));
        print(report);
        System.out.println("store: " + db.location());
        return strict && !report.problems().isEmpty() ? 3 : 0;
    }

    static void print(IngestReport report) {
        System.out.println(report.summary());
        for (InputProblem p : report.problems()) {
            System.out.println("  rejected " + p);
        }
    }
}
