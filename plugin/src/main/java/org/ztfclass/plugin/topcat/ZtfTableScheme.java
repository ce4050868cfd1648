package org.ztfclass.plugin.topcat;

import java.io.IOException;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.TableScheme;

/**
 * The {@code :ztf:} table scheme: {@code :ztf:class=SN_IA&minprob=0.9} loads, from the ztfclass
 * server, the objects the current (serving) model version puts in a class with at least that probability. Keys:
 * {@code class} (predicted class), {@code minprob} (0..1), {@code label} (current label class),
 * {@code status} (labelled/unlabelled), {@code dropped_by} (funnel stage, or {@code none} for
 * those that passed), a sky cone {@code ra}/{@code dec}/{@code radius} (degrees), {@code limit}
 * (see {@link ZtfQuery}, which also builds the load dialog's query; {@link ZtfQueryLoader} loads).
 * Register with {@code -Dstartable.schemes=org.ztfclass.plugin.topcat.ZtfTableScheme}; works in
 * TOPCAT's load window and in STILTS ({@code in=:ztf:class=SN_IA}).
 */
public final class ZtfTableScheme implements TableScheme {

    @Override
    public String getSchemeName() {
        return "ztf";
    }

    @Override
    public String getSchemeUsage() {
        return ZtfQuery.USAGE;
    }

    @Override
    public String getExampleSpecification() {
        return "class=SN_IA&minprob=0.9";
    }

    @Override
    public StarTable createTable(String specification) throws IOException {
        ZtfQuery query;
        try {
            query = ZtfQuery.parse(specification);
        } catch (IllegalArgumentException e) {
            throw new TableFormatException(":ztf:" + specification + ": " + e.getMessage());
        }
        return ZtfQueryLoader.load(query);
    }
}
