package org.ztfclass.plugin.samp;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ztfclass.plugin.server.LabelRequest;
import org.ztfclass.votables.table.VotableReader;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Turns the server's match answer for a user's table (the user's columns plus {@code ztf_objectId}
 * and {@code match}) into labels: one per chosen row that has a class, addressed to the object the
 * row matched (by id or by position).
 *
 * <p>The class comes from a fixed class given for every row, else from the label column: the one
 * named by the caller, else the first of {@link #IMPLICIT_COLUMNS} (or, when {@code explicit},
 * {@link #EXPLICIT_COLUMNS}) present, matched ignoring case. Optional columns
 * {@code label_confidence} (0..1) and {@code label_comment} go with it. A chosen row that matched
 * no object, has a confidence that is not a number, or (when rows were chosen) has no class is
 * refused here, with its row index and why; unchosen rows and, without a row choice, rows with an
 * empty class are left alone. Stateless.
 */
final class LabelTable {

    /** Label columns recognised in a plain {@code table.load.votable}: names nobody uses by accident. */
    static final List<String> IMPLICIT_COLUMNS = List.of("ztf_label", "label");
    /**
     * Label columns recognised in {@code ztfclass.labels.submit}, where the sender asked for labels:
     * also {@code class} (too common in catalogues, e.g. SDSS's GALAXY/STAR/QSO, to be read as
     * labels unasked).
     */
    static final List<String> EXPLICIT_COLUMNS = List.of("ztf_label", "label", "class");

    /** A chosen row refused before reaching the server. */
    record Refused(int row, String objectId, String error) {
    }

    /**
     * The labels of a table.
     *
     * @param requests  the labels to send, in batch order
     * @param rows      for each request, its row in the table (0-based)
     * @param refused   rows refused here
     * @param labelColumn the column the classes came from, or null when one class was given for all rows
     */
    record Batch(List<LabelRequest> requests, List<Integer> rows, List<Refused> refused, String labelColumn) {
    }

    private LabelTable() {
    }

    /** @return the server's match answer as a random-access table */
    static StarTable answer(byte[] answer) throws Exception {
        return VotableReader.read(new ByteArrayInputStream(answer), "answer");
    }

    /**
     * @return the label column's name in {@code answer} if it has one of the implicit label columns, else null
     */
    static String implicitLabelColumn(StarTable t) {
        int i = find(t, IMPLICIT_COLUMNS);
        return i < 0 ? null : t.getColumnInfo(i).getName();
    }

    /**
     * @param t           the server's match answer, random access (read with {@link #answer})
     * @param labelColumn the label column's name; null: the first of the recognised ones present
     * @param explicit    whether the sender asked for labels ({@link #EXPLICIT_COLUMNS} recognised)
     * @param fixedClass  one class for every chosen row, or null to read the label column
     * @param chosen      the rows to label (0-based), or null for every row with a class
     * @param confidence  confidence for rows without a {@code label_confidence} value, or null
     * @param comment     comment for rows without a {@code label_comment} value, or null
     * @throws IllegalArgumentException if no class is given and the table has no label column, naming those looked for
     */
    static Batch read(StarTable t, String labelColumn, boolean explicit, String fixedClass, Set<Integer> chosen,
            Double confidence, String comment) throws Exception {
        int label = -1;
        if (fixedClass == null) {
            List<String> names = labelColumn != null ? List.of(labelColumn) : explicit ? EXPLICIT_COLUMNS : IMPLICIT_COLUMNS;
            label = find(t, names);
            if (label < 0) {
                throw new IllegalArgumentException("the table has no label column (looked for " + String.join(", ", names)
                        + "; or give the class parameter for all rows)");
            }
        }
        int oid = ztfColumn(t, "ztf_objectId");
        int match = ztfColumn(t, "match");
        int conf = find(t, List.of("label_confidence"));
        int comm = find(t, List.of("label_comment"));
        List<LabelRequest> requests = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        int row = 0;
        try (RowSequence rs = t.getRowSequence()) {
            for (; rs.next(); row++) {
                if (chosen != null && !chosen.contains(row)) {
                    continue;
                }
                String cls = fixedClass != null ? fixedClass : text(rs.getCell(label));
                String objectId = oid < 0 ? null : text(rs.getCell(oid));
                if (cls == null) {
                    if (chosen != null) {
                        refused.add(new Refused(row, objectId, "row " + row + " has no class in column "
                                + t.getColumnInfo(label).getName()));
                    }
                    continue;
                }
                if (objectId == null || (match >= 0 && "none".equals(text(rs.getCell(match))))) {
                    refused.add(new Refused(row, null, "row " + row + " is not a ztfclass object (no match by id or position)"));
                    continue;
                }
                Double c = confidence;
                if (conf >= 0 && rs.getCell(conf) != null) {
                    Object v = rs.getCell(conf);
                    String s = text(v);
                    if (v instanceof Number n) {
                        c = Double.isNaN(n.doubleValue()) ? confidence : n.doubleValue();
                    } else if (s != null) {
                        try {
                            c = Double.parseDouble(s);
                        } catch (NumberFormatException e) {
                            refused.add(new Refused(row, objectId, "row " + row + ": label_confidence '" + s + "' is not a number"));
                            continue;
                        }
                    }
                }
                String m = comm < 0 ? null : text(rs.getCell(comm));
                requests.add(new LabelRequest(objectId, cls, c, m != null ? m : comment));
                rows.add(row);
            }
        }
        if (chosen != null) {
            for (int r : chosen) {
                if (r < 0 || r >= row) {
                    refused.add(new Refused(r, null, "row " + r + " is not in the table (it has " + row + " rows)"));
                }
            }
        }
        refused.sort(java.util.Comparator.comparingInt(Refused::row));
        return new Batch(requests, rows, refused, label < 0 ? null : t.getColumnInfo(label).getName());
    }

    /** @return the first column, in the order of {@code names}, named one of them ignoring case; -1 if none */
    private static int find(StarTable t, List<String> names) {
        for (String n : names) {
            for (int i = 0; i < t.getColumnCount(); i++) {
                if (t.getColumnInfo(i).getName().toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** @return the last column named {@code name} or {@code name_ztf} (ztfclass's columns after a clash), or -1 */
    private static int ztfColumn(StarTable t, String name) {
        int found = -1;
        for (int i = 0; i < t.getColumnCount(); i++) {
            String n = t.getColumnInfo(i).getName();
            if (n.equals(name) || n.equals(name + "_ztf")) {
                found = i;
            }
        }
        return found;
    }

    private static String text(Object o) {
        if (o == null || (o instanceof Number n && Double.isNaN(n.doubleValue()))) {
            return null;
        }
        String s = o.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
