package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the label log for export ({@code GET /api/labels}): label events with their object's
 * position, filtered, in pages by event id, read row by row from an open cursor so that a page
 * of any size costs constant memory; and, for consensus, the human and catalogue votes in object
 * order. Thread-safe: every cursor has its own connection.
 *
 * <p>Privacy (issue 13, finding 5): the labeller of a person's label is their user name only
 * when {@link Filter#realNames()} says the reader is signed in; otherwise their pseudonym
 * (migration V12), as in TAP's {@code tap_labels} and {@link ObjectQueries#labels(String, boolean)}.
 * Catalogue labels show the catalogue's name and automatic labels their model version.
 *
 * <p>Times: {@code created_at} is stored as ISO-8601 UTC text of varying precision (milliseconds
 * from people, nanoseconds from catalogue ingest); rows carry it normalised by SQLite to
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, and {@link Filter#since()} is compared with that form, so
 * order is time order to the millisecond.
 */
public final class LabelExport {

    /**
     * {@code created_at} as fixed-width UTC with milliseconds (text of another shape passes
     * unchanged): a placeholder that {@link #sql} spells in the store's dialect.
     */
    static final String CREATED = "{created}";

    private static final String SELECT = "SELECT l.id, l.object_id, o.ra, o.dec, l.fine_class, l.top_class, l.source, "
            + "CASE WHEN l.source IN ('catalogue', 'auto') THEN l.source_ref ELSE {person} END AS labeller, l.confidence, l.comment, "
            + CREATED + " AS created FROM labels l LEFT JOIN objects o ON o.object_id = l.object_id "
            + "LEFT JOIN users u ON u.id = l.user_id";

    private final Database db;

    public LabelExport(Database db) {
        this.db = db;
    }

    /**
     * Which label events to export; every non-null criterion must hold.
     *
     * @param topClass  SN_IA, SN_II or OTHER, or null
     * @param fineClass a fine class exactly as stored (e.g. {@code SN Ia-91T}), or null
     * @param sources   stored source names (catalogue, web, samp, topcat, auto); empty for all
     * @param user      a person: their pseudonym, or when {@code realNames} also their user name; null for all
     * @param realNames true for a signed-in reader: labellers by user name, and {@code user} may be one
     * @param since     fixed-width UTC time {@code yyyy-MM-ddTHH:mm:ss.SSSZ}: events recorded at or after it; null for all
     */
    public record Filter(String topClass, String fineClass, List<String> sources, String user, boolean realNames, String since) {

        public Filter {
            sources = List.copyOf(sources);
        }
    }

    /**
     * One exported label event.
     *
     * @param labelId    event id (increasing with time of recording; the paging cursor)
     * @param ra         the object's position, ICRS degrees; null if unknown
     * @param dec        the object's position, ICRS degrees; null if unknown
     * @param labeller   user name or pseudonym (see {@link Filter#realNames()}), catalogue name, or model version
     * @param createdAt  time of recording, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}
     */
    public record Row(long labelId, String objectId, Double ra, Double dec, String fineClass, String topClass, String source,
                      String labeller, Double confidence, String comment, String createdAt) {
    }

    /**
     * The events of one page: ids in {@code (afterId, lastId]}.
     *
     * @param afterId the cursor the page starts after (0 for the first page)
     * @param lastId  the last id the page may hold
     * @param more    whether further events pass the filter after this page (at the time it was cut)
     */
    public record Page(long afterId, long lastId, boolean more) {
    }

    /**
     * Cuts a page: the first {@code limit} events after {@code afterId} that pass {@code filter},
     * among the events recorded when this is called (later ones wait for the next page).
     *
     * @param limit 1 or more
     */
    public Page page(Filter filter, long afterId, int limit) throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        try (Connection c = db.connect()) {
            long snapshot;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM labels"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                snapshot = rs.getLong(1);
            }
            List<Object> args = new ArrayList<>();
            String where = where(filter, afterId, snapshot, args);
            List<Long> ends = new ArrayList<>(2);
            try (PreparedStatement ps = c.prepareStatement(sql("SELECT l.id FROM labels l LEFT JOIN users u ON u.id = l.user_id"
                    + where + " ORDER BY l.id LIMIT 2 OFFSET ?"))) {
                args.add(limit - 1);
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ends.add(rs.getLong(1));
                    }
                }
            }
            return ends.isEmpty() ? new Page(afterId, snapshot, false) : new Page(afterId, ends.get(0), ends.size() == 2);
        }
    }

    /**
     * Opens a cursor over the page's events that pass {@code filter}, in event order. The caller
     * closes it (it holds a connection).
     */
    public RowCursor<Row> rows(Filter filter, Page page) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = SELECT.replace("{person}", filter.realNames() ? "u.name" : "u.pseudonym")
                + where(filter, page.afterId(), page.lastId(), args) + " ORDER BY l.id";
        return RowCursor.open(db, sql(sql), args, rs -> new Row(rs.getLong(1), rs.getString(2), Sql.getDouble(rs, "ra"),
                Sql.getDouble(rs, "dec"), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                Sql.getDouble(rs, "confidence"), rs.getString(10), rs.getString(11)));
    }

    /**
     * A human or catalogue label event as consensus counts it (automatic labels are never votes).
     *
     * @param userId    the labelling person, null for catalogues
     * @param sourceRef catalogue name for catalogue labels
     * @param createdAt time of recording, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}
     */
    public record VoteRow(long labelId, String objectId, Double ra, Double dec, String topClass, String source, String sourceRef,
                          Long userId, String createdAt) {
    }

    /**
     * Opens a cursor over every non-automatic label event of the objects whose id sorts after
     * {@code afterObjectId} (all objects when null), ordered by object id, then event id. The
     * caller closes it.
     */
    public RowCursor<VoteRow> votesByObject(String afterObjectId) throws SQLException {
        String sql = "SELECT l.id, l.object_id, o.ra, o.dec, l.top_class, l.source, l.source_ref, l.user_id, " + CREATED
                + " FROM labels l LEFT JOIN objects o ON o.object_id = l.object_id WHERE l.source <> 'auto'"
                + (afterObjectId == null ? "" : " AND l.object_id > ?") + " ORDER BY l.object_id, l.id";
        return RowCursor.open(db, sql(sql), afterObjectId == null ? List.of() : List.of(afterObjectId),
                rs -> new VoteRow(rs.getLong(1), rs.getString(2), Sql.getDouble(rs, "ra"), Sql.getDouble(rs, "dec"),
                        rs.getString(5), rs.getString(6), rs.getString(7), Sql.getLong(rs, "user_id"), rs.getString(9)));
    }

    /** @return whether some label event has exactly this fine class (a full scan: for checking a parameter, not per row) */
    public boolean hasFineClass(String fineClass) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM labels WHERE fine_class = ? LIMIT 1")) {
            ps.setString(1, fineClass);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String where(Filter f, long afterId, long lastId, List<Object> args) {
        StringBuilder w = new StringBuilder(" WHERE l.id > ? AND l.id <= ?");
        args.add(afterId);
        args.add(lastId);
        if (f.topClass() != null) {
            w.append(" AND l.top_class = ?");
            args.add(f.topClass());
        }
        if (f.fineClass() != null) {
            w.append(" AND l.fine_class = ?");
            args.add(f.fineClass());
        }
        if (!f.sources().isEmpty()) {
            w.append(" AND l.source IN (").append(String.join(",", java.util.Collections.nCopies(f.sources().size(), "?"))).append(')');
            args.addAll(f.sources());
        }
        if (f.user() != null) {
            // a person's label only; an anonymous reader can match a pseudonym, never a user name
            w.append(" AND l.source NOT IN ('catalogue', 'auto') AND ").append(f.realNames() ? "(u.name = ? OR u.pseudonym = ?)" : "u.pseudonym = ?");
            args.add(f.user());
            if (f.realNames()) {
                args.add(f.user());
            }
        }
        if (f.since() != null) {
            w.append(" AND ").append(CREATED).append(" >= ?");
            args.add(f.since());
        }
        return w.toString();
    }

    /** @return {@code text} with {@link #CREATED} spelled in this store's dialect */
    private String sql(String text) {
        return text.replace(CREATED, db.dialect().isoMillis("l.created_at"));
    }

    static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long n) {
                ps.setLong(i + 1, n);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) a);
            }
        }
    }
}
