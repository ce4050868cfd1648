package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.votables.domain.CandidateContext;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.domain.CutoutKind;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Gathers what the classifier looks at for stored objects: light curve, catalogue summary (BTS
 * preferred), latest alert context and cutouts; and the labelled set (each object's current
 * label: its latest label event). Thread-safe.
 */
public final class ObjectDataLoader {

    private final Database db;
    private final ObjectQueries queries;

    public ObjectDataLoader(Database db) {
        this.db = db;
        this.queries = new ObjectQueries(db);
    }

    /**
     * @return the object's data, empty if the store does not know it. Its seven questions share one
     *         connection ({@link Database#readScope()}; the caller's, if it holds one): an SQLite
     *         connection costs more to open than a question costs to answer, and retraining loads
     *         every object (KilledRetrainingTest spent 90 of its 115 s opening connections)
     */
    public Optional<ObjectData> load(String objectId) throws SQLException {
        try (ReadScope scope = db.readScope()) {
            var object = queries.object(objectId);
            if (object.isEmpty()) {
                return Optional.empty();
            }
            List<CatalogueEntry> entries = queries.catalogueEntries(objectId);
            CatalogueEntry summary = entries.stream().filter(e -> e.catalogue().equals("BTS")).findFirst()
                    .orElse(entries.stream().filter(e -> e.peakMag() != null).findFirst().orElse(null));
            return Optional.of(new ObjectData(objectId, object.get().ra(), object.get().dec(), queries.lightCurve(objectId), summary,
                    latestContext(objectId), latestCutouts(objectId)));
        }
    }

    /**
     * @return every object whose latest label event gives a class, with its data, ordered by object id; automatic
     *         (model) labels are left out, so a model never trains on a model's labels
     */
    public List<LabelledObject> labelled() throws SQLException {
        List<String[]> labels = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT l.object_id, l.top_class, l.fine_class FROM labels l "
                + "WHERE l.id = (SELECT MAX(id) FROM labels WHERE object_id = l.object_id AND source <> 'auto') ORDER BY l.object_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                labels.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        List<LabelledObject> out = new ArrayList<>();
        try (ReadScope scope = db.readScope()) { // one connection for every object's questions
            for (String[] l : labels) {
                Optional<ObjectData> data = load(l[0]);
                if (data.isPresent()) {
                    out.add(new LabelledObject(data.get(), TransientClass.valueOf(l[1]), l[2]));
                }
            }
        }
        return out;
    }

    private CandidateContext latestContext(String objectId) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM alerts WHERE object_id = ? AND schema_version IS NOT NULL ORDER BY jd DESC LIMIT 1")) { // packets only
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new CandidateContext(Sql.getDouble(rs, "ssdistnr"), Sql.getDouble(rs, "ssmagnr"), Sql.getDouble(rs, "sgscore1"),
                        Sql.getDouble(rs, "distpsnr1"), Sql.getDouble(rs, "srmag1"), Sql.getDouble(rs, "neargaia"),
                        Sql.getDouble(rs, "maggaia"), Sql.getInt(rs, "ndethist"), Sql.getDouble(rs, "jdstarthist"),
                        Sql.getDouble(rs, "magnr"), Sql.getDouble(rs, "distnr"));
            }
        }
    }

    private List<Cutout> latestCutouts(String objectId) throws SQLException {
        List<Cutout> out = new ArrayList<>();
        for (CutoutKind k : CutoutKind.values()) {
            queries.cutout(objectId, k, null).ifPresent(c -> out.add(new Cutout(c.candid(), k, c.fileName(), c.fitsGz())));
        }
        return out;
    }
}
