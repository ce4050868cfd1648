package org.ztfclass.plugin.topcat;

import java.awt.Component;
import java.io.IOException;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.TableSequence;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.table.gui.AbstractTableLoadDialog;
import uk.ac.starlink.table.gui.TableLoader;

/**
 * TOPCAT's "ztfclass Objects" load dialog (File → Load Table → DataSources): a {@link ZtfQueryForm}
 * whose fields make a {@link ZtfQuery}, the same query the {@code :ztf:} scheme parses, loaded by
 * {@link ZtfQueryLoader} from the server typed in the form. Register with
 * {@code -Dstartable.load.dialogs=org.ztfclass.plugin.topcat.ZtfLoadDialog} (done by
 * {@code install/topcat-ztfclass}). Written against the STIL 4.1 API (Debian STILTS 3.4.7 and
 * Debian TOPCAT 4.8.7 use STIL 4.1.3). {@link #createTableLoader()} throws {@link IllegalArgumentException}
 * naming a bad field (TOPCAT shows it); the loader's {@link TableLoader#getLabel label} is
 * {@code ztf:SPECIFICATION}, so the loaded table can be reloaded with the scheme.
 */
public class ZtfLoadDialog extends AbstractTableLoadDialog {

    private ZtfQueryForm form;

    /** The no-argument constructor TOPCAT needs. */
    public ZtfLoadDialog() {
        super("ztfclass Objects", "Load ZTF objects with their class probabilities from a ztfclass server");
    }

    @Override
    protected Component createQueryComponent() {
        form = new ZtfQueryForm();
        return form.component();
    }

    /** The form (creating the query component if TOPCAT has not yet asked for it). */
    ZtfQueryForm form() {
        if (form == null) {
            getQueryComponent();
        }
        return form;
    }

    @Override
    public TableLoader createTableLoader() {
        ZtfQueryForm f = form();
        ZtfQuery query = ZtfQuery.of(f.values());
        String server = f.server();
        if (server.isEmpty()) {
            throw new IllegalArgumentException("no ztfclass server URL given");
        }
        String token = f.token();
        return new TableLoader() {
            @Override
            public String getLabel() {
                return "ztf:" + query.specification();
            }

            @Override
            public TableSequence loadTables(StarTableFactory factory) throws IOException {
                StarTable table = ZtfQueryLoader.load(query, server, token);
                return Tables.singleTableSequence(factory.randomTable(table));
            }
        };
    }
}
