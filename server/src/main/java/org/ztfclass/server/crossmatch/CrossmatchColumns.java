package org.ztfclass.server.crossmatch;

import java.util.List;
import org.ztfclass.votables.table.TableColumn;

/** The columns of {@code /api/objects/{id}/crossmatches}, with units and UCDs. */
public final class CrossmatchColumns {

    /** All columns, in order. */
    public static final List<TableColumn<CrossmatchRow>> ALL = List.of(
            TableColumn.of("objectId", String.class, "", "meta.id;meta.main", "ZTF object identifier", CrossmatchRow::objectId),
            TableColumn.of("catalogue", String.class, "", "meta.id;meta.dataset", "Catalogue key (ps1, gaia_dr3, sdss_dr16, allwise, nvss, first, vlass, racs, lotss)", CrossmatchRow::catalogue),
            TableColumn.of("catalogue_title", String.class, "", "meta.title", "Catalogue name", CrossmatchRow::catalogueTitle),
            TableColumn.of("waveband", String.class, "", "instr.bandpass", "optical (incl. infrared) or radio", CrossmatchRow::waveband),
            TableColumn.of("source_id", String.class, "", "meta.id", "The catalogue's own source identifier", CrossmatchRow::sourceId),
            TableColumn.of("separation", Double.class, "arcsec", "pos.angDistance", "Distance between the object and the source", CrossmatchRow::separationArcsec),
            TableColumn.of("ra", Double.class, "deg", "pos.eq.ra", "Source position (J2000/ICRS)", CrossmatchRow::ra),
            TableColumn.of("dec", Double.class, "deg", "pos.eq.dec", "Source position (J2000/ICRS)", CrossmatchRow::dec),
            TableColumn.of("quantity", String.class, "", "meta.id", "Which magnitude or flux density (gmag, W1mag, S1.4GHz, ...)", CrossmatchRow::quantity),
            TableColumn.of("band", String.class, "", "instr.filter", "Band of the quantity", CrossmatchRow::band),
            TableColumn.of("frequency", Double.class, "GHz", "em.freq", "Frequency of a radio flux density", CrossmatchRow::frequencyGHz),
            TableColumn.of("mag", Double.class, "mag", "phot.mag", "Catalogue magnitude (system in mag_system)", CrossmatchRow::mag),
            TableColumn.of("mag_err", Double.class, "mag", "stat.error;phot.mag", "1-sigma error of mag", CrossmatchRow::magErr),
            TableColumn.of("mag_system", String.class, "", "meta.code", "AB or Vega, as the catalogue gives it", CrossmatchRow::magSystem),
            TableColumn.of("flux", Double.class, "uJy", "phot.flux.density", "Flux density", CrossmatchRow::fluxUJy),
            TableColumn.of("flux_err", Double.class, "uJy", "stat.error;phot.flux.density", "1-sigma error of flux (FIRST: map rms)", CrossmatchRow::fluxErrUJy),
            TableColumn.of("service", String.class, "", "meta.curation", "Service that answered", CrossmatchRow::service),
            TableColumn.of("service_version", String.class, "", "meta.version", "Catalogue table and ztfclass definition revision", CrossmatchRow::serviceVersion),
            TableColumn.of("radius", Double.class, "arcsec", "phys.angSize;obs.field", "Cone radius asked", CrossmatchRow::radiusArcsec),
            TableColumn.of("query", String.class, "", "meta.ref.url", "The request that gave this answer", CrossmatchRow::query),
            TableColumn.of("fetched_at", String.class, "", "time.processing", "When the answer came (ISO-8601 UTC)", CrossmatchRow::fetchedAt),
            TableColumn.of("stale", Boolean.class, "", "meta.code.status", "True when the latest refresh failed and this is an older answer", CrossmatchRow::stale),
            TableColumn.of("age", Double.class, "d", "time.age", "Age of the answer in days", CrossmatchRow::ageDays));

    private CrossmatchColumns() {
    }
}
