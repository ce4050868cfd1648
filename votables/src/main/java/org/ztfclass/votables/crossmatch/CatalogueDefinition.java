package org.ztfclass.votables.crossmatch;

import java.util.List;

/**
 * How ztfclass queries one catalogue and reads its answer: the VizieR table, the source-id
 * column, the quantities kept, the sky it covers and the magnitude system.
 *
 * @param key          short name used on the command line and in the store, e.g. {@code ps1}
 * @param title        human name, e.g. {@code Pan-STARRS1 DR2}
 * @param waveband     optical or radio
 * @param vizierTable  VizieR table, e.g. {@code II/349/ps1}
 * @param revision     revision of this definition; it is part of the cache key, so changing what
 *                     is read makes old cache entries stale instead of silently mixing them
 * @param idColumns    column names that may hold the catalogue's source id, in order of preference
 * @param quantities   magnitudes or flux densities kept for each source
 * @param decMin       southern limit of the catalogue's sky (degrees); positions outside are not queried
 * @param decMax       northern limit
 * @param magSystem    {@code AB} or {@code Vega} for magnitudes; null for radio
 */
public record CatalogueDefinition(String key, String title, Waveband waveband, String vizierTable, int revision,
                                  List<String> idColumns, List<Quantity> quantities, double decMin, double decMax,
                                  String magSystem) {

    public CatalogueDefinition {
        idColumns = List.copyOf(idColumns);
        quantities = List.copyOf(quantities);
    }

    /** @return the version stored with every cached answer: table and definition revision */
    public String version() {
        return vizierTable + " r" + revision;
    }

    /** @return whether the catalogue covers declination {@code decDeg} */
    public boolean covers(double decDeg) {
        return decDeg >= decMin && decDeg <= decMax;
    }
}
