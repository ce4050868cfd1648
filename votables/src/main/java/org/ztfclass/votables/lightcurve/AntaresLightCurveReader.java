package org.ztfclass.votables.lightcurve;

import java.io.IOException;
import java.io.Reader;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.CsvRecords;
import org.ztfclass.votables.input.CsvTable;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads one object's light curve as exported from the ANTARES broker (a pandas dump with
 * ANTARES's own column names): an unnamed leading row index, then {@code ant_mjd} (MJD),
 * {@code ant_passband} ({@code g}, {@code R} = ZTF r, or {@code i}), {@code ant_mag} (PSF
 * difference magnitude, the alerts' {@code magpsf}) and {@code ant_magerr} ({@code sigmapsf}).
 * The object is named by the file ({@code ZTF18abcdefg.csv}).
 *
 * <p>Every row is a detection: the export has neither upper limits nor candidate ids, so each
 * {@link Detection} has {@code candid} null, {@code jd = ant_mjd + }{@link Detection#MJD_OFFSET}
 * and no other fields, exactly as {@link LightCurveCsvReader} makes them. A row with a missing or
 * non-numeric value or an unknown passband is rejected with its line and field; the rest are kept.
 */
public final class AntaresLightCurveReader implements LightCurveReader {

    /** The columns that identify this format. */
    static final String MJD = "ant_mjd";
    static final String PASSBAND = "ant_passband";
    static final String MAG = "ant_mag";
    static final String MAGERR = "ant_magerr";

    /** @return true if a CSV header has the ANTARES light-curve columns */
    public static boolean accepts(CsvTable table) {
        return table.column(MJD) >= 0 && table.column(PASSBAND) >= 0 && table.column(MAG) >= 0 && table.column(MAGERR) >= 0;
    }

    @Override
    public ReadResult<Detection> read(Reader in, String source) throws IOException {
        String objectId = ZtfIds.fromFileName(source);
        return CsvRecords.read(in, source, table -> {
            if (objectId == null) {
                throw new BadInputException(source, "file", "file name must be the object's ZTF id, e.g. ZTF18abcdefg.csv");
            }
            if (!accepts(table)) {
                throw new BadInputException(source, "line 1", "an ANTARES light curve needs columns "
                        + String.join(",", MJD, PASSBAND, MAG, MAGERR) + "; found " + table.header());
            }
            int mjd = table.column(MJD);
            int band = table.column(PASSBAND);
            int mag = table.column(MAG);
            int err = table.column(MAGERR);
            return row -> {
                double jd = row.requiredNumber(mjd) + Detection.MJD_OFFSET;
                double m = row.requiredNumber(mag);
                double e = row.requiredNumber(err);
                Band b = BandCell.of(row, band);
                return new Detection(objectId, null, jd, b, m, e, null, null, null, null, null, null, null);
            };
        });
    }
}
