package org.ztfclass.votables.lightcurve;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.CsvRecords;
import org.ztfclass.votables.input.CsvTable;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads one object's light curve exported from the GROWTH marshal: a CSV whose header starts
 * with {@code #} ({@code date, jdobs, filter, absmag, magpsf, sigmamagpsf, limmag, instrument},
 * optionally {@code programid, isdiffpos}, ...; strings quoted), the object named by the ZTF id the
 * file name starts with ({@code ZTF20aalxlis_SN2020bvc_marshal_lc.txt}).
 *
 * <p>Only rows whose {@code instrument} names ZTF ({@code P48+ZTF}) are ZTF photometry and are
 * read; rows of other instruments (SEDM, LT, WIRC, ...) are skipped without complaint. A ZTF row
 * must be in filter g, r or i. {@code magpsf} 99.0 means no detection: the row becomes an upper
 * limit ({@code magpsf} null, {@code diffmaglim = limmag}); otherwise a detection with
 * {@code magpsf}, {@code sigmamagpsf} and, when not 99.0, {@code limmag} as {@code diffmaglim}.
 * {@code jd = jdobs}; {@code candid} is null (the marshal does not export it). A bad row is
 * rejected with its line and field; the rest are kept.
 */
public final class GrowthMarshalReader implements LightCurveReader {

    /** The marshal's placeholder for "no value". */
    static final double NO_VALUE = 99.0;

    /** @return true if a CSV header has the GROWTH marshal's light-curve columns */
    public static boolean accepts(CsvTable table) {
        return table.column("jdobs") >= 0 && table.column("filter") >= 0 && table.column("magpsf") >= 0
                && table.column("sigmamagpsf") >= 0 && table.column("limmag") >= 0 && table.column("instrument") >= 0;
    }

    @Override
    public ReadResult<Detection> read(Reader in, String source) throws IOException {
        String objectId = ZtfIds.fromFileNamePrefix(source);
        return CsvRecords.read(in, source, table -> {
            if (objectId == null) {
                throw new BadInputException(source, "file", "file name must start with the object's ZTF id, "
                        + "e.g. ZTF20aalxlis_marshal_lc.txt");
            }
            if (!accepts(table)) {
                throw new BadInputException(source, "line 1", "a GROWTH marshal light curve needs columns jdobs, filter, "
                        + "magpsf, sigmamagpsf, limmag, instrument; found " + table.header());
            }
            int jd = table.column("jdobs");
            int filter = table.column("filter");
            int mag = table.column("magpsf");
            int err = table.column("sigmamagpsf");
            int lim = table.column("limmag");
            int instrument = table.column("instrument");
            int programid = table.column("programid");
            int isdiffpos = table.column("isdiffpos");
            return row -> {
                if (!row.requiredText(instrument).toUpperCase(Locale.ROOT).contains("ZTF")) {
                    return null;
                }
                double time = row.requiredNumber(jd);
                Band band = BandCell.of(row, filter);
                Double limit = valueOrNull(row.number(lim));
                Double prog = row.number(programid);
                Integer program = prog == null ? null : (int) Math.round(prog);
                Double m = valueOrNull(row.number(mag));
                if (m == null) {
                    if (limit == null) {
                        throw row.problem(lim, "neither a magnitude nor a limiting magnitude");
                    }
                    return new Detection(objectId, null, time, band, null, null, limit, null, null, null, null, null, program);
                }
                Double e = valueOrNull(row.number(err));
                if (e == null) {
                    throw row.problem(err, "a detection (magpsf " + m + ") needs its error");
                }
                String sign;
                try {
                    sign = Detection.normaliseIsdiffpos(row.text(isdiffpos));
                } catch (IllegalArgumentException x) {
                    throw row.problem(isdiffpos, x.getMessage());
                }
                return new Detection(objectId, null, time, band, m, e, limit, null, null, null, null, sign, program);
            };
        });
    }

    private static Double valueOrNull(Double v) {
        return v == null || v == NO_VALUE ? null : v;
    }
}
