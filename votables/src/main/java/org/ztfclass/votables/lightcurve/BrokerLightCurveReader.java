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
 * Reads light curves of any number of ZTF objects converted from broker alert streams (Fink,
 * Pitt-Google): one row a point, columns {@code objectId, mjd, band} ({@code g}/{@code r}/{@code
 * i}), {@code mag, magerr, upper_limit, diffmaglim} and optionally {@code isdiffpos, candid,
 * drb} (or {@code i_drb}); other columns are ignored.
 *
 * <p>A row with {@code upper_limit} 1 is a non-detection and becomes an upper limit: a
 * {@link Detection} with {@code magpsf}, {@code sigmapsf} and {@code candid} null and
 * {@code diffmaglim} the 5-sigma limit (required). Any other row is a detection and needs
 * {@code mag} and {@code magerr}; it keeps its {@code candid} (dropped, the point kept, if written
 * in floating point), {@code isdiffpos} and {@code diffmaglim}. {@code jd = mjd + }
 * {@link Detection#MJD_OFFSET}. A bad row is rejected with its line and field; the rest are kept.
 */
public final class BrokerLightCurveReader implements LightCurveReader {

    /** @return true if a CSV header has the columns of this format */
    public static boolean accepts(CsvTable table) {
        return table.column("objectId") >= 0 && table.column("mjd") >= 0 && table.column("band") >= 0
                && table.column("mag") >= 0 && table.column("magerr") >= 0 && table.column("upper_limit") >= 0
                && table.column("diffmaglim") >= 0;
    }

    @Override
    public ReadResult<Detection> read(Reader in, String source) throws IOException {
        return CsvRecords.read(in, source, table -> {
            if (!accepts(table)) {
                throw new BadInputException(source, "line 1", "a broker light-curve table needs columns objectId, mjd, band, "
                        + "mag, magerr, upper_limit, diffmaglim; found " + table.header());
            }
            int oid = table.column("objectId");
            int mjd = table.column("mjd");
            int band = table.column("band");
            int mag = table.column("mag");
            int err = table.column("magerr");
            int limit = table.column("upper_limit");
            int diffmaglim = table.column("diffmaglim");
            int isdiffpos = table.column("isdiffpos");
            int candid = table.column("candid");
            int drb = table.column("drb", "i_drb");
            return row -> {
                String objectId = row.requiredText(oid);
                if (!ZtfIds.isValid(objectId)) {
                    throw row.problem(oid, "'" + objectId + "' is not a ZTF object id");
                }
                double jd = row.requiredNumber(mjd) + Detection.MJD_OFFSET;
                Band b = BandCell.of(row, band);
                double flag = row.requiredNumber(limit);
                if (flag != 0 && flag != 1) {
                    throw row.problem(limit, "'" + row.text(limit) + "' is neither 0 (detection) nor 1 (upper limit)");
                }
                if (flag == 1) {
                    return new Detection(objectId, null, jd, b, null, null, row.requiredNumber(diffmaglim),
                            null, null, null, null, null, null);
                }
                String sign;
                try {
                    sign = Detection.normaliseIsdiffpos(row.text(isdiffpos));
                } catch (IllegalArgumentException x) {
                    throw row.problem(isdiffpos, x.getMessage());
                }
                return new Detection(objectId, Candids.parse(row, candid), jd, b, row.requiredNumber(mag), row.requiredNumber(err),
                        row.number(diffmaglim), null, null, null, row.number(drb), sign, null);
            };
        });
    }
}
