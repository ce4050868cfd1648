package org.ztfclass.server.funnel;

import java.util.Set;
import org.ztfclass.server.store.ObjectFacts;

/**
 * Drops objects already known: listed by ZTF id, or with a listed position within the radius.
 * Without a list it keeps everything.
 */
public final class KnownSourcesStage implements FunnelStage {

    private final String listName;
    private final SkyIndex index;
    private final Set<String> ids;
    private final double radiusArcsec;

    /**
     * @param listName     the list's file name, for reasons; null when no list is configured
     * @param list         the sources, null when no list is configured
     * @param radiusArcsec match radius
     */
    public KnownSourcesStage(String listName, SourceList list, double radiusArcsec) {
        this.listName = listName;
        this.index = list == null ? null : new SkyIndex(list.positions(), radiusArcsec);
        this.ids = list == null ? Set.of() : list.ztfIds();
        this.radiusArcsec = radiusArcsec;
    }

    @Override
    public String name() {
        return "known_sources";
    }

    @Override
    public String settings() {
        return index == null ? "no list configured" : "not in " + listName + " (by ZTF id, or within " + radiusArcsec + " arcsec)";
    }

    @Override
    public Drop judge(ObjectFacts f) {
        if (index == null) {
            return null;
        }
        if (ids.contains(f.objectId())) {
            return new Drop("listed in " + listName, f.objectId() + " is listed in " + listName);
        }
        if (f.ra() == null || f.dec() == null) {
            return null;
        }
        SkyIndex.Match m = index.nearest(f.ra(), f.dec());
        return m == null ? null : new Drop("listed in " + listName,
                String.format("%s in %s is %.2f arcsec away (<= %s)", m.entry().name() == null ? "a source" : m.entry().name(),
                        listName, m.arcsec(), radiusArcsec));
    }
}
