package org.ztfclass.votables.lightcurve;

import java.io.IOException;
import java.io.Reader;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.CsvRecords;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads a one-object light-curve CSV with columns {@code time,mag,magerr,band} (IRSA/ANTARES
 * style), the object named by the file ({@code ZTF18abcdefg.csv}). {@code time} is MJD (values
 * above 2,400,000 are taken as JD already); {@code band} is {@code g}, {@code r}/{@code R} or
 * {@code i}. Every row is a detection (this format has no upper limits).
 */
public final class LightCurveCsvReader implements LightCurveReader {

    @Override
    public ReadResult<Detection> read(Reader in, String source) throws IOException {
        String objectId = ZtfIds.fromFileName(source);
        return CsvRecords.read(in, source, table -> {
            if (objectId == null) {
                throw new BadInputException(source, "file", "file name must be the object's ZTF id, e.g. ZTF18abcdefg.csv");
            }
            int time = table.column("time", "mjd");
            int mag = table.column("mag", "magpsf");
            int err = table.column("magerr", "sigmapsf");
            int band = table.column("band", "filter");
            if (time < 0 || mag < 0 || err < 0 || band < 0) {
                throw new BadInputException(source, "line 1", "header must have columns time,mag,magerr,band; found " + table.header());
            }
            return row -> {
                double t = row.requiredNumber(time);
                double jd = t > 2_400_000 ? t : t + Detection.MJD_OFFSET;
                double m = row.requiredNumber(mag);
                double e = row.requiredNumber(err);
                Band b = BandCell.of(row, band);
                return new Detection(objectId, null, jd, b, m, e, null, null, null, null, null, null, null);
            };
        });
    }
}
