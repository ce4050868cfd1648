package org.ztfclass.votables.photometry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ztfclass.votables.input.BadInputException;

/**
 * A whitespace-separated text table whose column names come from a header line, as IPAC's
 * forced-photometry service and ATLAS write them: comment lines start with {@code #}; the header
 * is the first line for which {@code isHeader} is true (its names may be separated by commas,
 * blanks and a leading {@code #}). Line numbers count file lines from 1. Single-threaded.
 */
final class WhitespaceTable {

    interface HeaderTest {
        boolean isHeader(String line);
    }

    record Row(int line, String[] cells) {
    }

    final List<String> names;
    final List<Row> rows = new ArrayList<>();
    final List<String> comments = new ArrayList<>();

    private WhitespaceTable(List<String> names) {
        this.names = names;
    }

    static WhitespaceTable read(Reader in, String source, HeaderTest header) throws IOException, BadInputException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<String> pending = new ArrayList<>();
        WhitespaceTable table = null;
        int n = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            n++;
            String t = n == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (table == null) {
                if (header.isHeader(t)) {
                    table = new WhitespaceTable(Arrays.asList(t.replace("#", " ").replace(",", " ").trim().split("\\s+")));
                    table.comments.addAll(pending);
                } else if (t.startsWith("#")) {
                    pending.add(t);
                }
                continue;
            }
            if (t.isBlank() || t.startsWith("#")) {
                continue;
            }
            table.rows.add(new Row(n, t.trim().split("\\s+")));
        }
        if (table == null) {
            throw new BadInputException(source, "file", "no header line with the expected column names");
        }
        return table;
    }

    int column(String name) {
        return names.indexOf(name);
    }
}
