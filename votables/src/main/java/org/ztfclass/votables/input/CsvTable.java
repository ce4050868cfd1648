package org.ztfclass.votables.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A comma-separated table with a header line, read row by row. Handles double-quoted cells
 * (with {@code ""} for a quote), blank lines and a UTF-8 byte-order mark. Row numbers count
 * file lines from 1 (the header is line 1), so a problem report points at the line a user sees
 * in an editor.
 *
 * <p>Single-threaded; close the reader it was given when done.
 */
public final class CsvTable {

    private final BufferedReader reader;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private int line = 1;

    /**
     * Reads the header line.
     *
     * @throws BadInputException if the input is empty
     */
    public CsvTable(Reader in, String source) throws IOException, BadInputException {
        this.reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String first = reader.readLine();
        if (first == null) {
            throw new BadInputException(source, "line 1", "empty file, expected a CSV header line");
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        header = split(first);
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
    }

    /** @return the column names as written */
    public List<String> header() {
        return List.copyOf(header);
    }

    /** @return the position of the first column whose name equals one of {@code names} (case-insensitive), or -1 */
    public int column(String... names) {
        for (String n : names) {
            Integer i = index.get(n.toLowerCase(Locale.ROOT));
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    /** @return the next non-blank row's cells, or null at the end; {@link #lineNumber()} then tells its line */
    public List<String> next() throws IOException {
        String text;
        do {
            text = reader.readLine();
            line++;
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        return split(text);
    }

    /** @return the file line of the row last returned by {@link #next()} */
    public int lineNumber() {
        return line;
    }

    /** Splits one CSV line. */
    static List<String> split(String text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
