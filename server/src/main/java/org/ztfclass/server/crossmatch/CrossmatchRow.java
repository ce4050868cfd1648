package org.ztfclass.server.crossmatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ztfclass.server.store.CachedCrossmatch;
import org.ztfclass.votables.crossmatch.CatalogueDefinition;
import org.ztfclass.votables.crossmatch.Catalogues;
import org.ztfclass.votables.crossmatch.CrossmatchMeasurement;
import org.ztfclass.votables.crossmatch.CrossmatchSource;

/**
 * One row of an object's cross-match table: a catalogue source and one of its magnitudes or
 * flux densities (a source without any gives one row with those empty), with where the answer
 * came from and whether it is stale.
 */
public record CrossmatchRow(String objectId, String catalogue, String catalogueTitle, String waveband, String sourceId,
                            double separationArcsec, Double ra, Double dec, String quantity, String band, Double frequencyGHz,
                            Double mag, Double magErr, String magSystem, Double fluxUJy, Double fluxErrUJy, String service,
                            String serviceVersion, double radiusArcsec, String query, String fetchedAt, boolean stale,
                            Double ageDays) {

    /** @return the rows of cached answers, catalogue by catalogue, nearest source first */
    public static List<CrossmatchRow> of(List<CachedCrossmatch> cached, Instant now) {
        List<CrossmatchRow> out = new ArrayList<>();
        for (CachedCrossmatch c : cached) {
            CatalogueDefinition d = Catalogues.byKey(c.catalogue());
            String title = d == null ? c.catalogue() : d.title();
            String waveband = d == null ? null : d.waveband().name().toLowerCase(java.util.Locale.ROOT);
            Duration age = c.age(now);
            Double ageDays = age == null ? null : age.toSeconds() / 86400.0;
            String fetched = c.fetchedAt() == null ? null : c.fetchedAt().toString();
            for (CrossmatchSource s : c.sources()) {
                List<CrossmatchMeasurement> ms = s.measurements().isEmpty() ? java.util.Collections.singletonList(null) : s.measurements();
                for (CrossmatchMeasurement m : ms) {
                    out.add(new CrossmatchRow(c.objectId(), c.catalogue(), title, waveband, s.sourceId(), s.separationArcsec(), s.ra(), s.dec(),
                            m == null ? null : m.quantity(), m == null ? null : m.band(), m == null ? null : m.frequencyGHz(),
                            m == null ? null : m.mag(), m == null ? null : m.magErr(), m == null ? null : m.magSystem(),
                            m == null ? null : m.fluxUJy(), m == null ? null : m.fluxErrUJy(), c.service(), c.serviceVersion(),
                            c.radiusArcsec(), c.query(), fetched, c.stale(), ageDays));
                }
            }
        }
        return out;
    }
}
