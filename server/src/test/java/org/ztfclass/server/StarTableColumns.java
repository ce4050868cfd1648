package org.ztfclass.server;

import uk.ac.starlink.table.StarTable;

/** Column lookups for tests that read the server's VOTables with STIL. */
public final class StarTableColumns {

    private StarTableColumns() {
    }

    /**
     * @return the index of the column named {@code name}
     * @throws AssertionError if the table has no such column (the test fails naming it)
     */
    public static int index(StarTable table, String name) {
        for (int i = 0; i < table.getColumnCount(); i++) {
            if (table.getColumnInfo(i).getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }
}
