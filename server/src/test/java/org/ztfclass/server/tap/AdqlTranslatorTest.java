package org.ztfclass.server.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ADQL subset: what is translated (identifiers from the schema, values bound) and what is refused, with why. */
class AdqlTranslatorTest {

    private final AdqlTranslator adql = new AdqlTranslator();

    @Test
    void coneQueryBecomesParameterisedSqlWithADeclinationBand() throws Exception {
        SqlQuery q = adql.translate("SELECT TOP 10 o.object_id, ra, dec FROM ztf.objects AS o "
                + "WHERE CONTAINS(POINT('ICRS', o.ra, o.dec), CIRCLE('ICRS', 185.7, 15.8, 0.5)) = 1 AND n_detections >= 3 ORDER BY ra DESC");
        assertEquals("SELECT t.\"object_id\", t.\"ra\", t.\"dec\" FROM \"objects\" AS t WHERE ((t.\"dec\" BETWEEN ? AND ? AND "
                + "tap_contains(t.\"ra\", t.\"dec\", ?, ?, ?) = 1) AND (t.\"n_detections\" >= ?)) ORDER BY t.\"ra\" DESC LIMIT 10", q.sql());
        assertEquals(List.of(15.3, 16.3, 185.7, 15.8, 0.5, 3L), q.params());
        assertEquals(10, q.top());
        assertEquals("deg", q.columns().get(1).getUnitString());
        assertEquals("pos.eq.ra;meta.main", q.columns().get(1).getUCD());
    }

    @Test
    void stringLiteralsAreBoundNeverPasted() throws Exception {
        SqlQuery q = adql.translate("SELECT * FROM ztf.labels WHERE fine_class = '''; DROP TABLE labels; --'");
        assertFalse(q.sql().contains("DROP"), q.sql());
        assertEquals(List.of("'; DROP TABLE labels; --"), q.params());
        assertEquals(8, q.columns().size());
    }

    @Test
    void servedPredicatesTranslate() throws Exception {
        SqlQuery q = adql.translate("SELECT object_id FROM ztf.predictions WHERE p_sn_ia BETWEEN 0.5 AND 1 "
                + "AND predicted_class IN ('SN_IA', 'SN_II') AND NOT (model_version LIKE 'x%' OR created_at IS NULL) "
                + "AND object_id ILIKE 'ztf20%' AND p_other <> -0.5");
        assertTrue(q.sql().contains("BETWEEN ? AND ?") && q.sql().contains("IN (?, ?)") && q.sql().contains("LIKE ?")
                && q.sql().contains("IS NULL") && q.sql().contains("lower(t.\"object_id\") LIKE lower(?)"), q.sql());
        assertEquals(List.of(0.5, 1L, "SN_IA", "SN_II", "x%", "ztf20%", 0.5), q.params());
    }

    @Test
    void aggregatesGroupByDistanceAndAliases() throws Exception {
        SqlQuery g = adql.translate("SELECT top_class, COUNT(*) AS n FROM ztf.labels GROUP BY top_class ORDER BY n DESC");
        assertEquals("SELECT t.\"top_class\", COUNT(*) FROM \"tap_labels\" AS t GROUP BY t.\"top_class\" ORDER BY 2 DESC", g.sql());
        assertEquals("n", g.columns().get(1).getName());
        SqlQuery d = adql.translate("SELECT object_id, DISTANCE(POINT('ICRS', ra, dec), POINT('ICRS', 10, 20)) AS d FROM ztf.objects ORDER BY 2");
        assertTrue(d.sql().contains("tap_distance(t.\"ra\", t.\"dec\", ?, ?)") && d.sql().endsWith("ORDER BY 2 ASC"), d.sql());
        assertEquals("deg", d.columns().get(1).getUnitString());
        SqlQuery distinct = adql.translate("SELECT DISTINCT \"predicted_class\" FROM \"ztf\".\"predictions\"");
        assertEquals("SELECT DISTINCT t.\"predicted_class\" FROM \"predictions\" AS t", distinct.sql());
        SqlQuery meta = adql.translate("SELECT table_name, \"size\" FROM TAP_SCHEMA.columns");
        assertTrue(TapSchema.isMetadata(meta.table()));
    }

    @Test
    void everythingOutsideTheSubsetIsRefusedNamingWhy() {
        String[][] refused = {
                {"SELECT * FROM users", "table users is not published"},
                {"SELECT name, password_hash FROM main.users", "not published"},
                {"SELECT * FROM sqlite_master", "not published"},
                {"SELECT object_id FROM ztf.objects WHERE object_id IN (SELECT name FROM users)", "not a subquery"},
                {"SELECT * FROM (SELECT * FROM users) AS u", "no subqueries"},
                {"SELECT object_id FROM ztf.objects UNION SELECT name FROM users", "UNION"},
                {"SELECT o.object_id FROM ztf.objects AS o JOIN users AS u ON 1 = 1", "joins are not served"},
                {"SELECT object_id FROM ztf.objects WHERE EXISTS (SELECT 1 FROM users)", "subqueries"},
                {"SELECT object_id FROM ztf.objects; DROP TABLE labels", "cannot parse"},
                {"DELETE FROM labels", "only a single SELECT"},
                {"INSERT INTO labels VALUES (1)", "only a single SELECT"},
                {"SELECT load_extension('evil') FROM ztf.objects", "function load_extension is not served"},
                {"SELECT object_id FROM ztf.objects WHERE ra > randomblob(10)", "function randomblob is not served"},
                {"SELECT user_id FROM ztf.labels", "column user_id is not in ztf.labels"},
                {"SELECT comment FROM ztf.labels", "is not in ztf.labels"},
                {"SELECT object_id FROM ztf.objects LIMIT 5", "use SELECT TOP"},
                {"SELECT object_id FROM ztf.objects WHERE ra = 'abc'", "cannot compare a number with a string"},
                {"SELECT object_id FROM ztf.objects WHERE CONTAINS(POINT('GALACTIC', ra, dec), CIRCLE('ICRS', 1, 2, 3)) = 1", "ICRS"},
                {"SELECT object_id FROM ztf.objects WHERE CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 1, 2, 3)) = 2", "compared with 1"},
                {"SELECT x.object_id FROM ztf.objects AS o", "does not name the queried table"},
                {"SELECT object_id, COUNT(*) FROM ztf.objects", "need GROUP BY"},
                {"SELECT object_id FROM ztf.objects GROUP BY ra", "neither grouped nor aggregated"},
                {"", "QUERY is empty"},
                {"SELECT \"RA\" FROM ztf.objects", "column \"RA\" is not in ztf.objects"},
                {"SELECT TOP 10 PERCENT ra FROM ztf.objects", "TOP takes"},
        };
        for (String[] r : refused) {
            AdqlException e = assertThrows(AdqlException.class, () -> adql.translate(r[0]), r[0]);
            assertTrue(e.getMessage().contains(r[1]), r[0] + " -> " + e.getMessage());
        }
    }
}
