package org.ztfclass.server.crossmatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ztfclass.server.store.CachedCrossmatch;
import org.ztfclass.votables.crossmatch.CatalogueDefinition;
import org.ztfclass.votables.crossmatch.Catalogues;

/**
 * Where one catalogue stands for one object: {@code answered}, {@code stale} (the last refresh
 * failed; older answer shown), {@code failed} (never answered), {@code not covered} (outside
 * the survey's sky) or {@code not asked} (nothing cached: run {@code ztfclass crossmatch}).
 */
public record CatalogueStatus(String catalogue, String title, String waveband, String state, Integer nSources, String fetchedAt,
                              Double ageDays, String lastError, String query, Double radiusArcsec) {

    /** @return a status for every known catalogue, in {@link Catalogues#all()} order, from what the cache holds */
    public static List<CatalogueStatus> of(List<CachedCrossmatch> cached, Instant now) {
        Map<String, CachedCrossmatch> byKey = new HashMap<>();
        cached.forEach(c -> byKey.put(c.catalogue(), c));
        List<CatalogueStatus> out = new ArrayList<>();
        for (CatalogueDefinition d : Catalogues.all()) {
            String wave = d.waveband().name().toLowerCase(Locale.ROOT);
            CachedCrossmatch c = byKey.get(d.key());
            if (c == null) {
                out.add(new CatalogueStatus(d.key(), d.title(), wave, "not asked", null, null, null, null, null, null));
                continue;
            }
            String state;
            if (c.stale()) {
                state = c.fetchedAt() == null ? "failed" : "stale";
            } else {
                state = c.covered() ? "answered" : "not covered";
            }
            Duration age = c.age(now);
            out.add(new CatalogueStatus(d.key(), d.title(), wave, state, c.fetchedAt() == null ? null : c.sources().size(),
                    c.fetchedAt() == null ? null : c.fetchedAt().toString(), age == null ? null : age.toSeconds() / 86400.0,
                    c.lastError(), c.query(), c.radiusArcsec()));
        }
        return out;
    }
}
