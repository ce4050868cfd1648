package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ztfclass.server.http.ClientAddress;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.votables.domain.ZtfObject;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.table.ObjectColumnLocator;
import org.ztfclass.votables.table.VotableReader;
import org.ztfclass.votables.table.VotableWriter;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * {@code POST /api/objects/match}: the user's own VOTable (from TOPCAT, Aladin, astropy) comes
 * back with ztfclass's columns appended to every row: the matched object (by id, else the
 * nearest within {@code radius_arcsec}, default 1.5), its position, how it matched, the current (serving)
 * model version's probabilities and class, the current label, detections, peak magnitude and the object page.
 * Rows ztfclass does not know are kept, marked {@code match = none}. The user's columns keep
 * their names; an appended name that clashes gets the suffix {@code _ztf}. The nearest radio
 * source and the host candidate come from the cross-match cache, never from a remote service.
 */
final class MatchHandler {

    static final double DEFAULT_RADIUS_ARCSEC = 1.5;

    private final ObjectQueries queries;
    private final org.ztfclass.server.store.CrossmatchCache crossmatches;

    MatchHandler(ObjectQueries queries, org.ztfclass.server.store.CrossmatchCache crossmatches) {
        this.queries = queries;
        this.crossmatches = crossmatches;
    }

    void match(Context ctx) throws SQLException, IOException {
        double radius = radius(ctx);
        StarTable in;
        try {
            in = VotableReader.read(new ByteArrayInputStream(ctx.bodyAsBytes()), "request body");
        } catch (BadInputException e) {
            throw new ApiException(400, e.getMessage());
        }
        ObjectColumnLocator where = ObjectColumnLocator.of(in);
        if (!where.hasId() && !where.hasPosition()) {
            throw new ApiException(400, "the table has no object id column (UCD meta.id;meta.main or name objectId/oid/ztf_id) "
                    + "and no RA/Dec columns (UCD pos.eq.ra/pos.eq.dec or name ra/RAJ2000, dec/DEJ2000)");
        }
        Set<String> taken = new HashSet<>();
        List<ColumnInfo> infos = new ArrayList<>();
        for (int i = 0; i < in.getColumnCount(); i++) {
            infos.add(new ColumnInfo(in.getColumnInfo(i)));
            taken.add(in.getColumnInfo(i).getName().toLowerCase(java.util.Locale.ROOT));
        }
        for (ColumnInfo extra : MatchColumns.ALL) {
            ColumnInfo c = new ColumnInfo(extra);
            if (taken.contains(c.getName().toLowerCase(java.util.Locale.ROOT))) {
                c.setName(c.getName() + "_ztf");
            }
            infos.add(c);
        }
        RowListStarTable out = new RowListStarTable(infos.toArray(new ColumnInfo[0]));
        out.setName(in.getName() == null ? "ztfclass_match" : in.getName());
        String pageBase = ClientAddress.scheme(ctx) + "://" + ctx.host() + "/objects/";
        List<Object[]> input = new ArrayList<>();
        try (RowSequence rows = in.getRowSequence()) {
            while (rows.next()) {
                input.add(rows.getRow());
            }
        }
        List<MatchColumns.Hit> hits = find(input, where, radius);
        Map<String, List<org.ztfclass.server.store.CachedCrossmatch>> cached = crossmatches.read(
                hits.stream().filter(java.util.Objects::nonNull).map(h -> h.object().objectId()).distinct().toList());
        int matched = 0;
        for (int i = 0; i < input.size(); i++) {
            Object[] cells = input.get(i);
            Object[] row = java.util.Arrays.copyOf(cells, infos.size());
            MatchColumns.Hit hit = hits.get(i);
            if (hit != null) {
                matched++;
                MatchColumns.fill(row, cells.length, hit, hit.object().prediction(), pageBase);
                MatchColumns.fillCrossmatch(row, cells.length, org.ztfclass.server.crossmatch.CrossmatchSummary.of(
                        cached.getOrDefault(hit.object().objectId(), List.of())));
            } else {
                row[cells.length + MatchColumns.STATUS] = "none";
            }
            out.addRow(row);
        }
        ctx.contentType(VotableWriter.MIME_TYPE);
        VotableWriter.write(out, ctx.outputStream(), Map.of("rows_matched", Integer.toString(matched),
                "match_radius_arcsec", Double.toString(radius)));
    }

    /** @return per row, the object it names (by id first, else by position), or null; two store round trips in all */
    private List<MatchColumns.Hit> find(List<Object[]> rows, ObjectColumnLocator where, double radiusArcsec) throws SQLException {
        List<String> ids = new ArrayList<>();
        if (where.hasId()) {
            for (Object[] cells : rows) {
                Object v = cells[where.idColumn()];
                if (v != null && !v.toString().isBlank()) {
                    ids.add(v.toString().trim());
                }
            }
        }
        Map<String, ZtfObject> byId = queries.objects(ids);
        List<MatchColumns.Hit> hits = new ArrayList<>(java.util.Collections.nCopies(rows.size(), (MatchColumns.Hit) null));
        List<Integer> byPosition = new ArrayList<>();
        List<double[]> positions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] cells = rows.get(i);
            Object v = where.hasId() ? cells[where.idColumn()] : null;
            ZtfObject o = v == null ? null : byId.get(v.toString().trim());
            if (o != null) {
                hits.set(i, new MatchColumns.Hit(o, "id", 0.0));
            } else if (where.hasPosition()) {
                Double ra = angle(cells[where.raColumn()], true);
                Double dec = angle(cells[where.decColumn()], false);
                if (ra != null && dec != null) {
                    byPosition.add(i);
                    positions.add(new double[] {ra, dec});
                }
            }
        }
        List<ObjectQueries.InCone> near = queries.nearest(positions, radiusArcsec / 3600.0);
        for (int k = 0; k < byPosition.size(); k++) {
            ObjectQueries.InCone n = near.get(k);
            if (n != null) {
                hits.set(byPosition.get(k), new MatchColumns.Hit(n.object(), "position", n.distanceDeg() * 3600));
            }
        }
        return hits;
    }

    private static Double angle(Object v, boolean ra) {
        if (v instanceof Number n && !Double.isNaN(n.doubleValue())) {
            return n.doubleValue();
        }
        if (v != null && !v.toString().isBlank()) {
            try {
                return ra ? org.ztfclass.votables.catalogue.Sexagesimal.raDegrees(v.toString())
                        : org.ztfclass.votables.catalogue.Sexagesimal.decDegrees(v.toString());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static double radius(Context ctx) {
        String v = ctx.queryParam("radius_arcsec");
        if (v == null || v.isBlank()) {
            return DEFAULT_RADIUS_ARCSEC;
        }
        try {
            double r = Double.parseDouble(v);
            if (r > 0 && r <= 3600) {
                return r;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiException.badParameter("radius_arcsec", v, "a number in (0, 3600]");
    }
}
