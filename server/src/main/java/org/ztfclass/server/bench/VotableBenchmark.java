package org.ztfclass.server.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectFilter;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.ZtfObject;
import org.ztfclass.votables.table.ObjectColumns;
import org.ztfclass.votables.table.RecordTable;
import org.ztfclass.votables.table.TableColumn;
import org.ztfclass.votables.table.VotableWriter;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * VOTable rows per second written by our export of objects (store query, record table,
 * {@link VotableWriter}, as {@code /api/objects?format=votable} does) next to STIL's plain
 * VOTable writer on the same rows already in memory (the floor), measured in the same run.
 */
public final class VotableBenchmark {

    private VotableBenchmark() {
    }

    /**
     * @param sample shipped sample folder: its BTS catalogue and light curves give the real objects copied
     * @param rows   objects in the exported table (real ones plus synthetic copies)
     */
    public static void run(Path sample, int rows, int rounds, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("ztfclass-bench-votable");
        try {
            Database db = Database.open(work.resolve("bench.db"));
            new IngestService(new StoreWriter(db)).ingest(
                    List.of(sample.resolve("catalogues"), sample.resolve("lightcurves-snia"), sample.resolve("antares-bts")), IngestProgress.SILENT);
            int real = (int) new ObjectQueries(db).countObjects(ObjectFilter.ALL);
            addSyntheticCopies(db, rows - real);
            ObjectQueries queries = new ObjectQueries(db);
            out.printf("bench votable: %d objects (%d real from the sample, the rest synthetic copies named *_synthetic<k>)%n",
                    queries.countObjects(ObjectFilter.ALL), real);
            List<ZtfObject> inMemory = queries.listObjects(ObjectFilter.ALL, rows, 0);
            RowListStarTable floor = inMemoryTable(inMemory);
            double bestOurs = 0;
            double bestStil = 0;
            for (int r = 1; r <= rounds; r++) {
                long t0 = System.nanoTime();
                List<ZtfObject> objects = queries.listObjects(ObjectFilter.ALL, rows, 0);
                VotableWriter.write(new RecordTable<>("ztfclass_objects", objects, ObjectColumns.ALL), OutputStream.nullOutputStream());
                double ours = objects.size() / IngestBenchmark.seconds(t0);
                long t1 = System.nanoTime();
                VOTableWriter plain = new VOTableWriter(DataFormat.TABLEDATA, true, VOTableVersion.V14);
                plain.writeStarTable(floor, OutputStream.nullOutputStream());
                double stil = floor.getRowCount() / IngestBenchmark.seconds(t1);
                out.printf("  round %d: ztfclass export %,.0f rows/s; STIL in-memory %,.0f rows/s%n", r, ours, stil);
                bestOurs = Math.max(bestOurs, ours);
                bestStil = Math.max(bestStil, stil);
            }
            out.printf("reference  STIL VOTableWriter, same rows already in memory: %,10.0f rows/s%n", bestStil);
            out.printf("ztfclass   /api/objects export (SQLite query + VOTable):  %,10.0f rows/s  = %.2f x STIL's rate%n",
                    bestOurs, bestOurs / bestStil);
        } finally {
            IngestBenchmark.deleteTree(work);
        }
    }

    private static void addSyntheticCopies(Database db, int wanted) throws Exception {
        if (wanted <= 0) {
            return;
        }
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            int k = 0;
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO objects (object_id, ra, dec, first_detection_jd, "
                    + "last_detection_jd, n_detections, n_upper_limits, peak_mag_g, peak_mag_r, peak_mag_i, created_at, updated_at) "
                    + "SELECT object_id || '_synthetic' || ?, ra, dec, first_detection_jd, last_detection_jd, n_detections, "
                    + "n_upper_limits, peak_mag_g, peak_mag_r, peak_mag_i, created_at, updated_at FROM objects "
                    + "WHERE object_id NOT LIKE '%_synthetic%' ORDER BY object_id LIMIT ?")) {
                while (added < wanted) {
                    ps.setInt(1, ++k);
                    ps.setInt(2, wanted - added);
                    int n = ps.executeUpdate();
                    if (n == 0) {
                        break;
                    }
                    added += n;
                }
            }
            c.commit();
        }
    }

    private static RowListStarTable inMemoryTable(List<ZtfObject> objects) {
        ColumnInfo[] infos = ObjectColumns.ALL.stream().map(c -> new ColumnInfo(c.info())).toArray(ColumnInfo[]::new);
        RowListStarTable t = new RowListStarTable(infos);
        for (ZtfObject o : objects) {
            Object[] row = new Object[infos.length];
            int i = 0;
            for (TableColumn<ZtfObject> c : ObjectColumns.ALL) {
                row[i++] = c.value().apply(o);
            }
            t.addRow(row);
        }
        return t;
    }
}
