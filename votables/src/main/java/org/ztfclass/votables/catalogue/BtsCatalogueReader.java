package org.ztfclass.votables.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.TransientClass;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.CsvRow;
import org.ztfclass.votables.input.CsvRecords;
import org.ztfclass.votables.input.ReadResult;
import org.ztfclass.votables.lightcurve.ZtfIds;

/**
 * Reads the ZTF Bright Transient Survey catalogue CSV ({@code ZTFID, IAUID, RA, Dec, peakt,
 * peakfilt, peakmag, peakabs, duration, rise, fade, type, redshift, b, A_V}). RA/Dec are
 * sexagesimal; {@code peakt} is JD − 2458000; {@code -} means unknown; a {@code >} before a
 * duration, rise or fade marks a lower limit (kept, and listed in
 * {@link CatalogueEntry#lowerLimits()}). {@code type} {@code -}, blank or absent means unclassified
 * (a table to be scored has no class, and no {@code peakabs} or {@code redshift} either).
 */
public final class BtsCatalogueReader implements LabelCatalogueReader {

    /** The catalogue name given to entries and their labels. */
    public static final String CATALOGUE = "BTS";
    private static final double PEAKT_OFFSET = 2458000.0;

    @Override
    public ReadResult<CatalogueEntry> read(Reader in, String source) throws IOException {
        return CsvRecords.read(in, source, table -> {
            int id = table.column("ZTFID");
            int iau = table.column("IAUID");
            int ra = table.column("RA");
            int dec = table.column("Dec");
            int peakt = table.column("peakt");
            int peakfilt = table.column("peakfilt");
            int peakmag = table.column("peakmag");
            int peakabs = table.column("peakabs");
            int duration = table.column("duration");
            int rise = table.column("rise");
            int fade = table.column("fade");
            int type = table.column("type");
            int redshift = table.column("redshift");
            int b = table.column("b");
            int av = table.column("A_V");
            if (id < 0 || ra < 0 || dec < 0) {
                throw new BadInputException(source, "line 1", "a BTS catalogue needs columns ZTFID, RA, Dec; found " + table.header());
            }
            return row -> {
                String objectId = row.requiredText(id);
                if (!ZtfIds.isValid(objectId)) {
                    throw row.problem(id, "'" + objectId + "' is not a ZTF object id");
                }
                double raDeg;
                double decDeg;
                try {
                    raDeg = Sexagesimal.raDegrees(row.requiredText(ra));
                } catch (IllegalArgumentException e) {
                    throw row.problem(ra, e.getMessage());
                }
                try {
                    decDeg = Sexagesimal.decDegrees(row.requiredText(dec));
                } catch (IllegalArgumentException e) {
                    throw row.problem(dec, e.getMessage());
                }
                List<String> limits = new ArrayList<>();
                Double peak = row.number(peakt);
                String cls = row.text(type);
                return new CatalogueEntry(CATALOGUE, objectId, dashToNull(row.text(iau)), raDeg, decDeg,
                        TransientClass.isClassified(cls) ? cls : null,
                        peak == null ? null : peak + PEAKT_OFFSET, dashToNull(row.text(peakfilt)), row.number(peakmag),
                        row.number(peakabs), limited(row, duration, "duration", limits), limited(row, rise, "rise", limits),
                        limited(row, fade, "fade", limits), limits.isEmpty() ? null : String.join(",", limits),
                        row.number(redshift), row.number(b), row.number(av));
            };
        });
    }

    private static Double limited(CsvRow row, int col, String name, List<String> limits) throws BadInputException {
        String t = row.text(col);
        if (t != null && t.startsWith(">")) {
            limits.add(name);
            String value = t.substring(1).trim();
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw row.problem(col, "'" + t + "' is not a number or a lower limit");
            }
        }
        return row.number(col);
    }

    private static String dashToNull(String t) {
        return t == null || t.equals("-") ? null : t;
    }
}
