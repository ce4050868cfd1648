package org.ztfclass.plugin.topcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.JComponent;
import javax.swing.JLabel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.learning.StoreScoring;
import org.ztfclass.server.learning.TrainedModel;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.StoreWriter;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.table.gui.TableLoader;

/**
 * The TOPCAT load dialog, built headlessly ({@code java.awt.headless=true}: its form uses only
 * lightweight Swing components), loading rows from a real running ztfclass server through its
 * TableLoader, in this JVM (STIL 4.3) and in a JVM on Debian STILTS 3.4.7's STIL 4.1.3.
 */
class ZtfLoadDialogTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    static Path tmp;

    private static ApiServer server;
    private static String url;

    private static Path module(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve(name))) {
            p = p.getParent();
        }
        return p.resolve(name);
    }

    @BeforeAll
    static void start() throws Exception {
        Database db = Database.open(tmp.resolve("dialog.db"));
        Path sample = module("install/sample-data");
        new IngestService(new StoreWriter(db)).ingest(List.of(sample.resolve("catalogues"), sample.resolve("alerts")), IngestProgress.SILENT);
        StoreScoring.scoreAll(db, TrainedModel.trainAndSave(new ObjectDataLoader(db).labelled(), 5, tmp.resolve("model")).bundle());
        server = new ApiServer(db).start("127.0.0.1", 0);
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** A dialog set up as TOPCAT's load window does: a table factory and the window's submit action. */
    static ZtfLoadDialog configured() {
        ZtfLoadDialog dialog = new ZtfLoadDialog();
        dialog.configure(new StarTableFactory(), new javax.swing.AbstractAction("OK") {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                // the load window would call createTableLoader() here
            }
        });
        return dialog;
    }

    private static StarTable load(ZtfLoadDialog dialog) throws IOException {
        TableLoader loader = dialog.createTableLoader();
        StarTable[] tables = Tables.tableArray(loader.loadTables(new StarTableFactory()));
        assertEquals(1, tables.length);
        return tables[0];
    }

    private static int column(StarTable t, String name) {
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    @Test
    void formIsBuiltHeadlesslyWithLabelledAccessibleFieldsDefaultingToTheProperties() {
        System.setProperty(ServerSettings.SERVER_PROPERTY, "http://example.invalid:7070");
        try {
            ZtfLoadDialog dialog = configured();
            assertEquals("ztfclass Objects", dialog.getName());
            Component c = dialog.getQueryComponent();
            assertSame(dialog.form().component(), c);
            assertEquals("http://example.invalid:7070", dialog.form().server());
            List<String> labelled = new ArrayList<>();
            for (Component child : ((JComponent) c).getComponents()) {
                if (child instanceof JLabel label) {
                    assertNotNull(label.getLabelFor(), label.getText());
                    assertTrue(label.getDisplayedMnemonic() != 0, "mnemonic for " + label.getText());
                    JComponent field = (JComponent) label.getLabelFor();
                    assertNotNull(field.getAccessibleContext().getAccessibleDescription(), label.getText());
                    labelled.add(field.getAccessibleContext().getAccessibleName());
                }
            }
            assertEquals(List.of("Server URL", "API token", "Predicted class", "Minimum probability", "Label status", "Label class",
                    "Cone RA (deg)", "Cone Dec (deg)", "Cone radius (deg)", "Row limit"), labelled);
        } finally {
            System.clearProperty(ServerSettings.SERVER_PROPERTY);
        }
    }

    @Test
    void loaderLoadsTheSameRowsAsTheScheme() throws Exception {
        ZtfLoadDialog dialog = configured();
        dialog.form().set("server", url);
        dialog.form().set("class", "SN_IA");
        dialog.form().set("minprob", "0.9");
        assertEquals("ztf:class=SN_IA&minprob=0.9", dialog.createTableLoader().getLabel());
        StarTable fromDialog = load(dialog);
        System.setProperty(ServerSettings.SERVER_PROPERTY, url);
        StarTable fromScheme;
        try {
            fromScheme = new ZtfTableScheme().createTable("class=SN_IA&minprob=0.9");
        } finally {
            System.clearProperty(ServerSettings.SERVER_PROPERTY);
        }
        assertTrue(fromDialog.getRowCount() > 0, "confident SN Ia rows");
        assertEquals(Tables.randomTable(fromScheme).getRowCount(), fromDialog.getRowCount());
        int cls = column(fromDialog, "predicted_class");
        int p = column(fromDialog, "p_SN_IA");
        for (long r = 0; r < fromDialog.getRowCount(); r++) {
            assertEquals("SN_IA", fromDialog.getCell(r, cls));
            assertTrue(((Number) fromDialog.getCell(r, p)).doubleValue() >= 0.9);
        }
    }

    @Test
    void skyConeAndLimitCutTheRows() throws Exception {
        ZtfLoadDialog all = configured();
        all.form().set("server", url);
        all.form().set("limit", "1");
        StarTable one = load(all);
        assertEquals(1, one.getRowCount());
        double ra = ((Number) one.getCell(0, column(one, "ra"))).doubleValue();
        double dec = ((Number) one.getCell(0, column(one, "dec"))).doubleValue();
        ZtfLoadDialog cone = configured();
        cone.form().set("server", url);
        cone.form().set("ra", Double.toString(ra));
        cone.form().set("dec", Double.toString(dec));
        cone.form().set("radius", "0.001");
        StarTable near = load(cone);
        assertTrue(near.getRowCount() >= 1 && near.getRowCount() < 10, "objects within 3.6\" of one: " + near.getRowCount());
        ZtfQuery q = ZtfQuery.parse("ra=" + ra + "&dec=" + dec + "&radius=0.001");
        try (RowSequence rows = near.getRowSequence()) {
            while (rows.next()) {
                assertTrue(q.inCone(((Number) rows.getCell(column(near, "ra"))).doubleValue(),
                        ((Number) rows.getCell(column(near, "dec"))).doubleValue()));
            }
        }
    }

    @Test
    void badFieldsAndUnreachableServerGiveClearErrors() throws Exception {
        ZtfLoadDialog dialog = configured();
        dialog.form().set("server", url);
        dialog.form().set("minprob", "high");
        assertTrue(assertThrows(IllegalArgumentException.class, dialog::createTableLoader).getMessage()
                .contains("minprob='high'"));
        dialog.form().set("minprob", "");
        dialog.form().set("ra", "10");
        assertTrue(assertThrows(IllegalArgumentException.class, dialog::createTableLoader).getMessage().contains("ra, dec and radius"));
        ZtfLoadDialog stage = configured();
        stage.form().set("server", url);
        // no form field for dropped_by: the server's own check of it, reached through the shared loader
        IOException refused = assertThrows(IOException.class,
                () -> ZtfQueryLoader.load(ZtfQuery.parse("dropped_by=nosuchstage"), stage.form().server(), null));
        assertTrue(refused.getMessage().contains("400") && refused.getMessage().contains("dropped_by"), refused.getMessage());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ZtfLoadDialog down = configured();
        down.form().set("server", "http://127.0.0.1:" + port);
        IOException e = assertThrows(IOException.class, () -> load(down));
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
    }

    @Test
    void dialogRunsOnDebianStil41() throws Exception {
        Path ttools = Path.of("/usr/share/java/starlink-ttools.jar");
        assertTrue(Files.isRegularFile(ttools), "Debian stilts (STIL 4.1) is a test prerequisite");
        String classpath = String.join(":", ttools.toString(), module("plugin").resolve("target/classes").toString(),
                module("plugin").resolve("target/test-classes").toString(), module("votables").resolve("target/classes").toString());
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", classpath, ZtfLoadDialogProbe.class.getName(),
                url, "class=SN_II", "limit=7").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("STIL=4.1.") && out.contains(" rows=7 label=ztf:class=SN_II&limit=7"), out);
    }
}
