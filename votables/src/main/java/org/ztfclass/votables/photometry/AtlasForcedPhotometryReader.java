package org.ztfclass.votables.photometry;

import java.io.IOException;
import java.io.Reader;
import org.ztfclass.votables.domain.PhotometryPoint;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads ATLAS forced photometry as a whitespace table with the header
 * {@code #   Date MJD ujy dujy 5sig mag emag} (date and time take two columns). Flux densities
 * are µJy already. This layout does not say the filter (ATLAS observes in c and o), so the band
 * is left unknown rather than guessed.
 */
public final class AtlasForcedPhotometryReader implements PhotometryReader {

    static boolean isHeader(String line) {
        return line.startsWith("#") && line.contains("MJD") && line.contains("ujy") && line.contains("5sig");
    }

    @Override
    public ReadResult<PhotometryPoint> read(Reader in, String source, String objectId) throws IOException {
        ReadResult<PhotometryPoint> result = new ReadResult<>(source);
        WhitespaceTable t;
        try {
            t = WhitespaceTable.read(in, source, AtlasForcedPhotometryReader::isHeader);
        } catch (BadInputException e) {
            result.reject(e.problem());
            return result;
        }
        // "Date" holds two values (date, time): data columns sit one to the right of their names after it
        int shift = t.column("Date") >= 0 ? 1 : 0;
        int mjd = t.column("MJD") + shift;
        int ujy = t.column("ujy") + shift;
        int dujy = t.column("dujy") + shift;
        for (WhitespaceTable.Row row : t.rows) {
            String[] c = row.cells();
            try {
                result.accept(PhotometryPoint.fromFlux(objectId, Double.parseDouble(c[mjd]), "ATLAS", null,
                        Double.parseDouble(c[ujy]), Double.parseDouble(c[dujy])));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                result.reject("line " + row.line(), "expected MJD, ujy, dujy numbers: " + e.getMessage());
            }
        }
        return result;
    }
}
