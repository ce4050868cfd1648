package org.ztfclass.votables.lightcurve;

import java.math.BigDecimal;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.CsvRow;

/** ZTF candidate ids in table cells: 64-bit integers, which floating-point notation cannot hold. */
final class Candids {

    private Candids() {
    }

    /**
     * @return the candid in the cell; null if blank or absent, or written in floating point
     *         (e.g. {@code 2.46644e+18}: the digits that identify the candidate are gone)
     * @throws BadInputException if the cell is not a number
     */
    static Long parse(CsvRow row, int col) throws BadInputException {
        String text = row.text(col);
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException notInteger) {
            try {
                new BigDecimal(text);
                return null;
            } catch (NumberFormatException x) {
                throw row.problem(col, "'" + text + "' is not an integer candid");
            }
        }
    }
}
