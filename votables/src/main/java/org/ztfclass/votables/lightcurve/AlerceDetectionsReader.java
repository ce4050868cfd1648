package org.ztfclass.votables.lightcurve;

import java.io.IOException;
import java.io.Reader;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.CsvRecords;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads a table of ZTF alert detections as brokers export them (ALeRCE detection tables, BTSbot
 * candidate lists): one row per detection of any number of objects, with the candidate fields
 * ({@code objectId, fid, candid, mjd} or {@code jd}{@code , magpsf, sigmapsf, ra, dec, rb, drb,
 * isdiffpos, programid, diffmaglim}). Required: objectId, fid, mjd or jd, magpsf, sigmapsf. A
 * {@code candid} written in floating point (e.g. {@code 2.46644e+18}) has lost digits and is
 * dropped (the point is kept without it).
 */
public final class AlerceDetectionsReader implements LightCurveReader {

    @Override
    public ReadResult<Detection> read(Reader in, String source) throws IOException {
        return CsvRecords.read(in, source, table -> {
            int oid = table.column("objectId", "oid");
            int fid = table.column("fid");
            int mjd = table.column("mjd");
            int jd = table.column("jd");
            int mag = table.column("magpsf");
            int err = table.column("sigmapsf");
            if (oid < 0 || fid < 0 || (mjd < 0 && jd < 0) || mag < 0 || err < 0) {
                throw new BadInputException(source, "line 1", "a detection table needs columns objectId, fid, mjd (or jd), magpsf, sigmapsf");
            }
            int candid = table.column("candid");
            int ra = table.column("ra");
            int dec = table.column("dec");
            int rb = table.column("rb");
            int drb = table.column("drb");
            int isdiffpos = table.column("isdiffpos");
            int programid = table.column("programid");
            int diffmaglim = table.column("diffmaglim");
            return row -> {
                String objectId = row.requiredText(oid);
                if (!ZtfIds.isValid(objectId)) {
                    throw row.problem(oid, "'" + objectId + "' is not a ZTF object id");
                }
                Band band;
                try {
                    band = Band.ofFid((int) row.requiredNumber(fid));
                } catch (IllegalArgumentException x) {
                    throw row.problem(fid, x.getMessage());
                }
                String sign;
                try {
                    sign = Detection.normaliseIsdiffpos(row.text(isdiffpos));
                } catch (IllegalArgumentException x) {
                    throw row.problem(isdiffpos, x.getMessage());
                }
                Long candidValue = Candids.parse(row, candid);
                Double prog = row.number(programid);
                double time = mjd >= 0 ? row.requiredNumber(mjd) + Detection.MJD_OFFSET : row.requiredNumber(jd);
                return new Detection(objectId, candidValue, time, band, row.requiredNumber(mag), row.requiredNumber(err),
                        row.number(diffmaglim), row.number(ra), row.number(dec), row.number(rb), row.number(drb), sign,
                        prog == null ? null : (int) Math.round(prog));
            };
        });
    }
}
