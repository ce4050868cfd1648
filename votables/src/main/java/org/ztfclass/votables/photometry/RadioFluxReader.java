package org.ztfclass.votables.photometry;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.ztfclass.votables.domain.PhotometryPoint;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.CsvRecords;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads a radio flux-density table {@code Date,Tel,Freq_Obs,Flux,eFlux}: ISO date-time (UTC),
 * telescope, observed frequency (GHz), flux density and error in mJy (stored as µJy).
 *
 * <p>A flux of exactly {@value #NOT_DETECTED} is the tables' marker of a non-detection (an
 * inference from the AT2022tsd tables: GMRT 0.65 GHz "99" beside 0.14 at 1.27 GHz, SMA 230 GHz
 * "99" ± 0.27): it becomes a point without flux whose error is the stated noise. A row without a
 * frequency (or date, flux, error) is rejected with its line and field, the others kept.
 */
public final class RadioFluxReader implements PhotometryReader {

    /** The flux value that marks a non-detection, mJy. */
    public static final double NOT_DETECTED = 99;

    private static final double MJD_EPOCH_SECONDS = -3506716800.0; // 1858-11-17T00:00Z in Unix seconds

    @Override
    public ReadResult<PhotometryPoint> read(Reader in, String source, String objectId) throws IOException {
        return CsvRecords.read(in, source, table -> {
            int date = table.column("Date");
            int tel = table.column("Tel");
            int freq = table.column("Freq_Obs");
            int flux = table.column("Flux");
            int err = table.column("eFlux");
            if (date < 0 || tel < 0 || freq < 0 || flux < 0 || err < 0) {
                throw new BadInputException(source, "line 1", "a radio table needs Date, Tel, Freq_Obs, Flux, eFlux");
            }
            return row -> {
                double mjd;
                try {
                    mjd = (LocalDateTime.parse(row.requiredText(date)).toEpochSecond(ZoneOffset.UTC) - MJD_EPOCH_SECONDS) / 86400.0;
                } catch (DateTimeParseException e) {
                    throw row.problem(date, "'" + row.text(date) + "' is not an ISO date-time");
                }
                double frequency = row.requiredNumber(freq);
                double f = row.requiredNumber(flux);
                double e = row.requiredNumber(err);
                return new PhotometryPoint(objectId, mjd, row.requiredText(tel), null, frequency, null, null,
                        f == NOT_DETECTED ? null : f * 1000, e * 1000, null);
            };
        });
    }
}
