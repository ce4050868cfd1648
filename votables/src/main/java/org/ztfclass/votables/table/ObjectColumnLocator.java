package org.ztfclass.votables.table;

import java.util.List;
import java.util.Locale;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;

/**
 * Finds the object-id, RA and Dec columns of a table that some other tool made (TOPCAT,
 * astropy, a VizieR query): first by UCD ({@code meta.id;meta.main}, {@code pos.eq.ra;meta.main},
 * {@code pos.eq.dec;meta.main}, then the same without {@code meta.main}), then by common names
 * ({@code objectId}, {@code oid}, {@code ztf_id}, {@code ZTFID}; {@code ra}, {@code RAJ2000},
 * {@code RA_ICRS}; {@code dec}, {@code DEJ2000}, {@code DE_ICRS}), case-insensitively.
 *
 * @param idColumn  index of the object-id column, -1 if none
 * @param raColumn  index of the RA column, -1 if none
 * @param decColumn index of the Dec column, -1 if none
 */
public record ObjectColumnLocator(int idColumn, int raColumn, int decColumn) {

    private static final List<String> ID_NAMES = List.of("objectid", "oid", "ztf_id", "ztfid", "object_id", "ztfname");
    private static final List<String> RA_NAMES = List.of("ra", "raj2000", "ra_icrs", "ra_deg", "radeg", "_raj2000");
    private static final List<String> DEC_NAMES = List.of("dec", "dej2000", "de_icrs", "decj2000", "dec_deg", "decdeg", "_dej2000");

    /** Locates the columns of {@code table}. */
    public static ObjectColumnLocator of(StarTable table) {
        return new ObjectColumnLocator(
                find(table, "meta.id;meta.main", "meta.id", ID_NAMES, true),
                find(table, "pos.eq.ra;meta.main", "pos.eq.ra", RA_NAMES, false),
                find(table, "pos.eq.dec;meta.main", "pos.eq.dec", DEC_NAMES, false));
    }

    /** @return true if objects can be identified by id */
    public boolean hasId() {
        return idColumn >= 0;
    }

    /** @return true if objects can be identified by position */
    public boolean hasPosition() {
        return raColumn >= 0 && decColumn >= 0;
    }

    private static int find(StarTable table, String mainUcd, String ucd, List<String> names, boolean textual) {
        int n = table.getColumnCount();
        for (String wanted : new String[] {mainUcd, ucd}) {
            for (int i = 0; i < n; i++) {
                String u = table.getColumnInfo(i).getUCD();
                if (u != null && u.trim().equalsIgnoreCase(wanted) && typeFits(table.getColumnInfo(i), textual)) {
                    return i;
                }
            }
        }
        for (String name : names) {
            for (int i = 0; i < n; i++) {
                if (table.getColumnInfo(i).getName().trim().toLowerCase(Locale.ROOT).equals(name)
                        && typeFits(table.getColumnInfo(i), textual)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Ids may be of any type (some surveys use integers); positions must be numbers or sexagesimal strings. */
    private static boolean typeFits(ColumnInfo info, boolean anyType) {
        return anyType || Number.class.isAssignableFrom(info.getContentClass()) || info.getContentClass() == String.class;
    }
}
