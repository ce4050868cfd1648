package org.ztfclass.votables.input;

import java.util.List;

/**
 * Typed access to the cells of one CSV row, turning a missing or non-numeric value into a
 * {@link BadInputException} that names the file, line and column.
 */
public final class CsvRow {

    private final List<String> cells;
    private final List<String> header;
    private final String source;
    private final int line;

    public CsvRow(List<String> cells, List<String> header, String source, int line) {
        this.cells = cells;
        this.header = header;
        this.source = source;
        this.line = line;
    }

    /** @return the cell text trimmed, or null if the column is absent ({@code col < 0}), past the row's end or blank */
    public String text(int col) {
        if (col < 0 || col >= cells.size()) {
            return null;
        }
        String t = cells.get(col).trim();
        return t.isEmpty() ? null : t;
    }

    /** @return the cell text, never null */
    public String requiredText(int col) throws BadInputException {
        String t = text(col);
        if (t == null) {
            throw problem(col, "missing value");
        }
        return t;
    }

    /** @return the number in the cell; null for blank, {@code -}, {@code nan}, {@code null} */
    public Double number(int col) throws BadInputException {
        String t = text(col);
        if (t == null || t.equals("-") || t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("null")
                || t.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isNaN(d) ? null : d;
        } catch (NumberFormatException e) {
            throw problem(col, "'" + t + "' is not a number");
        }
    }

    /** @return the number in the cell, which must be present and finite */
    public double requiredNumber(int col) throws BadInputException {
        Double d = number(col);
        if (d == null) {
            throw problem(col, text(col) == null ? "missing value" : "'" + text(col) + "' is not a number");
        }
        if (Double.isInfinite(d)) {
            throw problem(col, "value is infinite");
        }
        return d;
    }

    /** @return a problem located at this row and column */
    public BadInputException problem(int col, String reason) {
        String name = col >= 0 && col < header.size() ? header.get(col) : "column " + (col + 1);
        return new BadInputException(source, "line " + line + " field " + name, reason);
    }

    /** @return the file line of this row */
    public int line() {
        return line;
    }
}
