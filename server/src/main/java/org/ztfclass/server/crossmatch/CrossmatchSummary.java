package org.ztfclass.server.crossmatch;

import java.util.List;
import org.ztfclass.server.store.CachedCrossmatch;
import org.ztfclass.votables.crossmatch.CatalogueDefinition;
import org.ztfclass.votables.crossmatch.Catalogues;
import org.ztfclass.votables.crossmatch.CrossmatchMeasurement;
import org.ztfclass.votables.crossmatch.CrossmatchSource;
import org.ztfclass.votables.crossmatch.Waveband;

/**
 * The two facts a table of objects gets from the cache (the SAMP match answer): the nearest radio
 * source with its flux density, and the host candidate (the nearest Pan-STARRS1 source with an r
 * magnitude, else SDSS) with its r magnitude and g−r colour. Either may be null.
 *
 * @param radio the nearest radio source over all radio catalogues, and its first flux density
 * @param host  the host candidate and its r and g magnitudes
 */
public record CrossmatchSummary(Radio radio, Host host) {

    /** Nearest radio source. */
    public record Radio(String catalogue, String sourceId, double separationArcsec, Double fluxUJy, Double fluxErrUJy, Double frequencyGHz) {
    }

    /** Host candidate. */
    public record Host(String catalogue, String sourceId, double separationArcsec, Double rMag, Double gMinusR) {
    }

    /** @return the summary of one object's cached answers (stale ones included: they are the best known) */
    public static CrossmatchSummary of(List<CachedCrossmatch> cached) {
        Radio radio = null;
        Host host = null;
        for (String hostCatalogue : List.of("ps1", "sdss_dr16")) {
            for (CachedCrossmatch c : cached) {
                if (host == null && c.catalogue().equals(hostCatalogue)) {
                    for (CrossmatchSource s : c.sources()) {
                        Double r = mag(s, "r");
                        if (r != null) {
                            Double g = mag(s, "g");
                            host = new Host(c.catalogue(), s.sourceId(), s.separationArcsec(), r, g == null ? null : g - r);
                            break;
                        }
                    }
                }
            }
        }
        for (CachedCrossmatch c : cached) {
            CatalogueDefinition d = Catalogues.byKey(c.catalogue());
            if (d == null || d.waveband() != Waveband.RADIO) {
                continue;
            }
            for (CrossmatchSource s : c.sources()) {
                if (radio == null || s.separationArcsec() < radio.separationArcsec()) {
                    CrossmatchMeasurement m = s.measurements().stream().filter(x -> x.fluxUJy() != null).findFirst().orElse(null);
                    radio = new Radio(c.catalogue(), s.sourceId(), s.separationArcsec(), m == null ? null : m.fluxUJy(),
                            m == null ? null : m.fluxErrUJy(), m == null ? null : m.frequencyGHz());
                }
            }
        }
        return new CrossmatchSummary(radio, host);
    }

    private static Double mag(CrossmatchSource s, String band) {
        return s.measurements().stream().filter(m -> band.equals(m.band()) && m.mag() != null).map(CrossmatchMeasurement::mag)
                .findFirst().orElse(null);
    }
}
