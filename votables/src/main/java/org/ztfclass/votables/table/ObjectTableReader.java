package org.ztfclass.votables.table;

import java.io.IOException;
import java.io.InputStream;
import org.ztfclass.votables.catalogue.Sexagesimal;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.ReadResult;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Reads a user's VOTable of ZTF objects into {@link ObjectReference}s, finding the id and
 * position columns with {@link ObjectColumnLocator}. A row with neither a usable id nor a usable
 * position is a problem naming its row; the other rows are kept. Positions may be numbers
 * (degrees) or sexagesimal strings. Thread-safe.
 */
public final class ObjectTableReader {

    private ObjectTableReader() {
    }

    /**
     * @throws BadInputException if the document is not a VOTable, or has neither an id column nor RA and Dec columns
     */
    public static ReadResult<ObjectReference> read(InputStream in, String source) throws IOException, BadInputException {
        StarTable table = VotableReader.read(in, source);
        ObjectColumnLocator where = ObjectColumnLocator.of(table);
        if (!where.hasId() && !where.hasPosition()) {
            throw new BadInputException(source, "FIELDs", "found no object id column (UCD meta.id;meta.main or name objectId/oid/ztf_id) "
                    + "and no RA/Dec columns (UCD pos.eq.ra/pos.eq.dec or name ra/RAJ2000, dec/DEJ2000)");
        }
        ReadResult<ObjectReference> result = new ReadResult<>(source);
        try (RowSequence rows = table.getRowSequence()) {
            long i = -1;
            while (rows.next()) {
                i++;
                String id = null;
                if (where.hasId()) {
                    Object v = rows.getCell(where.idColumn());
                    id = v == null || v.toString().isBlank() ? null : v.toString().trim();
                }
                Double ra = null;
                Double dec = null;
                if (where.hasPosition()) {
                    try {
                        ra = angle(rows.getCell(where.raColumn()), true);
                        dec = angle(rows.getCell(where.decColumn()), false);
                    } catch (IllegalArgumentException e) {
                        if (id == null) {
                            result.reject("row " + (i + 1), e.getMessage());
                            continue;
                        }
                        ra = null;
                        dec = null;
                    }
                }
                if (id == null && (ra == null || dec == null)) {
                    result.reject("row " + (i + 1), "no object id and no position");
                    continue;
                }
                result.accept(new ObjectReference(i, id, ra, dec));
            }
        }
        return result;
    }

    private static Double angle(Object v, boolean ra) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) {
                return null;
            }
            if (ra ? d < 0 || d >= 360 : d < -90 || d > 90) {
                throw new IllegalArgumentException((ra ? "RA " : "Dec ") + d + " is out of range");
            }
            return d;
        }
        String t = v.toString().trim();
        if (t.isEmpty()) {
            return null;
        }
        return ra ? Sexagesimal.raDegrees(t) : Sexagesimal.decDegrees(t);
    }
}
