package org.ztfclass.server.funnel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the nearest listed position within a fixed radius of a query point. Positions are cut
 * into declination bands one radius high and sorted by RA within a band, so a query looks at
 * three bands and an RA window (wrapping at 0/360). Immutable after construction; thread-safe.
 */
public final class SkyIndex {

    /**
     * A listed position.
     *
     * @param name what the list calls it (may be null)
     * @param ra   deg
     * @param dec  deg
     */
    public record Entry(String name, double ra, double dec) {
    }

    /** A match: the entry and its distance. */
    public record Match(Entry entry, double arcsec) {
    }

    private final double radiusDeg;
    private final java.util.Map<Integer, Entry[]> bands = new java.util.HashMap<>();

    /**
     * @param entries      the positions
     * @param radiusArcsec match radius, > 0
     */
    public SkyIndex(List<Entry> entries, double radiusArcsec) {
        if (!(radiusArcsec > 0)) {
            throw new IllegalArgumentException("radius must be > 0 arcsec, got " + radiusArcsec);
        }
        this.radiusDeg = radiusArcsec / 3600.0;
        java.util.Map<Integer, List<Entry>> lists = new java.util.HashMap<>();
        for (Entry e : entries) {
            lists.computeIfAbsent(band(e.dec()), k -> new ArrayList<>()).add(e);
        }
        lists.forEach((band, list) -> {
            Entry[] a = list.toArray(new Entry[0]);
            Arrays.sort(a, Comparator.comparingDouble(Entry::ra));
            bands.put(band, a);
        });
    }

    /** @return the nearest entry within the radius, or null */
    public Match nearest(double ra, double dec) {
        Match best = null;
        double edge = Math.abs(dec) + radiusDeg;
        // Near a pole the RA window opens to the whole circle: positions 180 deg apart in RA are neighbours there.
        double dra = edge >= 89.9 ? 180 : Math.min(180, radiusDeg / Math.cos(Math.toRadians(edge)));
        int b = band(dec);
        for (int k = b - 1; k <= b + 1; k++) {
            Entry[] a = bands.get(k);
            if (a == null) {
                continue;
            }
            best = scan(a, ra - dra, ra + dra, ra, dec, best);
            if (ra - dra < 0) {
                best = scan(a, ra - dra + 360, 360, ra, dec, best);
            }
            if (ra + dra >= 360) {
                best = scan(a, 0, ra + dra - 360, ra, dec, best);
            }
        }
        return best;
    }

    private Match scan(Entry[] a, double lo, double hi, double ra, double dec, Match best) {
        int i = lowerBound(a, lo);
        for (; i < a.length && a[i].ra() <= hi; i++) {
            double d = separationArcsec(ra, dec, a[i].ra(), a[i].dec());
            if (d <= radiusDeg * 3600 && (best == null || d < best.arcsec())) {
                best = new Match(a[i], d);
            }
        }
        return best;
    }

    private static int lowerBound(Entry[] a, double ra) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid].ra() < ra) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int band(double dec) {
        return (int) Math.floor((dec + 90) / radiusDeg);
    }

    /** @return the angular distance between two positions, arcsec */
    public static double separationArcsec(double ra1, double dec1, double ra2, double dec2) {
        return org.ztfclass.votables.sky.Separation.arcsec(ra1, dec1, ra2, dec2);
    }
}
