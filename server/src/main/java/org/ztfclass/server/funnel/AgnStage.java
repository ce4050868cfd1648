package org.ztfclass.server.funnel;

import org.ztfclass.server.store.ObjectFacts;

/**
 * Drops AGN and nuclear variables: objects within the radius of a source in an AGN catalogue
 * (when one is configured), and objects whose variability is nuclear and long-term: the latest
 * alert puts them within {@code nuclearMaxDistnrPx} pixels of the reference-image source and
 * their detections come in at least {@code nuclearMinEpisodes} separate episodes.
 */
public final class AgnStage implements FunnelStage {

    private final KnownSourcesStage catalogue;
    private final double nuclearMaxDistnrPx;
    private final int nuclearMinEpisodes;

    /**
     * @param catalogueName AGN catalogue file name, null if none
     * @param list          its sources, null if none
     */
    public AgnStage(String catalogueName, SourceList list, double radiusArcsec, double nuclearMaxDistnrPx, int nuclearMinEpisodes) {
        this.catalogue = list == null ? null : new KnownSourcesStage(catalogueName, list, radiusArcsec);
        this.nuclearMaxDistnrPx = nuclearMaxDistnrPx;
        this.nuclearMinEpisodes = nuclearMinEpisodes;
    }

    @Override
    public String name() {
        return "agn";
    }

    @Override
    public String settings() {
        return (catalogue == null ? "no AGN catalogue" : catalogue.settings()) + "; not nuclear (distnr <= " + nuclearMaxDistnrPx
                + " px) with >= " + nuclearMinEpisodes + " episodes";
    }

    @Override
    public Drop judge(ObjectFacts f) {
        if (catalogue != null) {
            Drop d = catalogue.judge(f);
            if (d != null) {
                return new Drop("AGN catalogue match", d.detail());
            }
        }
        if (f.distnr() != null && f.distnr() >= 0 && f.distnr() <= nuclearMaxDistnrPx && f.episodes() >= nuclearMinEpisodes) {
            return new Drop("nuclear, recurring",
                    String.format("%.2f px from the host nucleus with %d episodes of detections", f.distnr(), f.episodes()));
        }
        return null;
    }
}
