package org.ztfclass.votables.photometry;

import java.io.IOException;
import java.io.Reader;
import org.ztfclass.votables.domain.PhotometryPoint;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.CsvRecords;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads Pan-STARRS1 forced photometry CSV ({@code #mjd, ..., filter, ..., ujy, dujy, ...}):
 * flux densities in µJy per filter (g, r, i, z, y).
 */
public final class Ps1ForcedPhotometryReader implements PhotometryReader {

    @Override
    public ReadResult<PhotometryPoint> read(Reader in, String source, String objectId) throws IOException {
        return CsvRecords.read(in, source, table -> {
            int mjd = table.column("#mjd", "mjd");
            int filter = table.column("filter");
            int ujy = table.column("ujy");
            int dujy = table.column("dujy");
            if (mjd < 0 || filter < 0 || ujy < 0 || dujy < 0) {
                throw new BadInputException(source, "line 1", "a PS1 forced-photometry table needs mjd, filter, ujy, dujy");
            }
            return row -> PhotometryPoint.fromFlux(objectId, row.requiredNumber(mjd), "PS1", row.requiredText(filter),
                    row.requiredNumber(ujy), row.requiredNumber(dujy));
        });
    }
}
