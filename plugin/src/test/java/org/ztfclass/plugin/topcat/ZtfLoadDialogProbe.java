package org.ztfclass.plugin.topcat;

import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.table.gui.TableLoader;

/**
 * Run by {@link ZtfLoadDialogTest} in a separate JVM on Debian's STIL 4.1 (STILTS 3.4.7's
 * classpath): builds the dialog headlessly, fills its form, loads through its TableLoader and
 * prints {@code STIL=VERSION rows=N label=LABEL}. Arguments: server URL, then key=value fields.
 */
public final class ZtfLoadDialogProbe {

    private ZtfLoadDialogProbe() {
    }

    public static void main(String[] args) throws Exception {
        ZtfLoadDialog dialog = new ZtfLoadDialog();
        dialog.configure(new StarTableFactory(), new javax.swing.AbstractAction("OK") {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                // TOPCAT's load window would call createTableLoader() here
            }
        });
        if (dialog.getQueryComponent() == null) {
            throw new IllegalStateException("no query component");
        }
        dialog.form().set("server", args[0]);
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            dialog.form().set(kv[0], kv[1]);
        }
        TableLoader loader = dialog.createTableLoader();
        StarTable t = Tables.tableArray(loader.loadTables(new StarTableFactory()))[0];
        System.out.println("STIL=" + stilVersion() + " rows=" + t.getRowCount() + " label=" + loader.getLabel());
    }

    /** The version STIL records in its jar (uk/ac/starlink/table/stil.version). */
    private static String stilVersion() throws java.io.IOException {
        try (java.io.InputStream in = StarTable.class.getResourceAsStream("stil.version")) {
            return in == null ? "?" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        }
    }
}
