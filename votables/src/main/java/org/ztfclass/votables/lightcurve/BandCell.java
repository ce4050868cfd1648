package org.ztfclass.votables.lightcurve;

import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.CsvRow;

/** Reads a ZTF band from a CSV cell, as every light-curve reader does. */
final class BandCell {

    private BandCell() {
    }

    /**
     * @return the band named in the cell ({@link Band#parse} spellings)
     * @throws BadInputException naming the row and column if the cell is empty or no ZTF band
     */
    static Band of(CsvRow row, int column) throws BadInputException {
        try {
            return Band.parse(row.requiredText(column));
        } catch (IllegalArgumentException x) {
            throw row.problem(column, x.getMessage());
        }
    }
}
