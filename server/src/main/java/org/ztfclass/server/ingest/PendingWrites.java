package org.ztfclass.server.ingest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.ztfclass.server.store.IngestCounts;
import org.ztfclass.server.store.SourcedAlert;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.input.InputProblem;

/**
 * Gathers the records of several small files (one-packet alert files, one-object light curves)
 * into one transaction, since a transaction per tiny file costs more than the file. A batch holds
 * one kind of record, whole files only, and at most about {@value #ALERTS_PER_BATCH} alerts or
 * {@value #POINTS_PER_BATCH} points (a larger file is its own batch). If the store refuses a
 * batch, every file in it is reported. Single-threaded.
 */
final class PendingWrites {

    static final int ALERTS_PER_BATCH = 500;
    static final int POINTS_PER_BATCH = 20_000;

    private final StoreWriter writer;
    private final List<SourcedAlert> alerts = new ArrayList<>();
    private final List<Detection> points = new ArrayList<>();
    private String pointKind;
    private final List<String> files = new ArrayList<>();
    private IngestCounts added = IngestCounts.NONE;
    private final List<InputProblem> problems = new ArrayList<>();

    PendingWrites(StoreWriter writer) {
        this.writer = writer;
    }

    /** Queues a file's alerts, writing earlier queued records first when the batch is full or of another kind. */
    void addAlerts(List<SourcedAlert> fileAlerts, String file) {
        if (!points.isEmpty() || alerts.size() + fileAlerts.size() > ALERTS_PER_BATCH) {
            flush();
        }
        alerts.addAll(fileAlerts);
        files.add(file);
    }

    /** Queues a file's photometric points of the given kind (e.g. {@code lightcurve-csv}). */
    void addPoints(List<Detection> filePoints, String kind, String file) {
        if (!alerts.isEmpty() || (pointKind != null && !pointKind.equals(kind)) || points.size() + filePoints.size() > POINTS_PER_BATCH) {
            flush();
        }
        points.addAll(filePoints);
        pointKind = kind;
        files.add(file);
    }

    /** Writes what is queued, in one transaction. */
    void flush() {
        if (files.isEmpty()) {
            return;
        }
        try {
            added = added.plus(alerts.isEmpty() ? writer.writeDetections(points, pointKind) : writer.writeAlerts(alerts));
        } catch (SQLException e) {
            for (String f : files) {
                problems.add(new InputProblem(f, "file", "not stored, the store refused the batch of " + files.size()
                        + " file(s) it was written with: " + e.getMessage()));
            }
        }
        alerts.clear();
        points.clear();
        pointKind = null;
        files.clear();
    }

    /** @return rows added by the batches written so far */
    IngestCounts added() {
        return added;
    }

    /** @return the files of batches the store refused */
    List<InputProblem> problems() {
        return problems;
    }
}
