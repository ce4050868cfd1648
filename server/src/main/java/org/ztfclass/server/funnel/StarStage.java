package org.ztfclass.server.funnel;

import org.ztfclass.server.store.ObjectFacts;

/**
 * Drops point sources: a Pan-STARRS1 source within {@code ps1MaxDistanceArcsec} whose
 * star/galaxy score {@code sgscore1} is at least {@code minSgscore}, or a Gaia source within
 * {@code gaiaMaxDistanceArcsec} brighter than {@code gaiaMaxMag} (a variable star under the
 * transient).
 */
public record StarStage(double ps1MaxDistanceArcsec, double minSgscore, double gaiaMaxDistanceArcsec, double gaiaMaxMag)
        implements FunnelStage {

    @Override
    public String name() {
        return "stars";
    }

    @Override
    public String settings() {
        return "no PS1 source with sgscore1 >= " + minSgscore + " within " + ps1MaxDistanceArcsec + " arcsec, no Gaia G < "
                + gaiaMaxMag + " within " + gaiaMaxDistanceArcsec + " arcsec";
    }

    @Override
    public Drop judge(ObjectFacts f) {
        if (f.sgscore1() != null && f.distpsnr1() != null && f.distpsnr1() >= 0 && f.distpsnr1() <= ps1MaxDistanceArcsec
                && f.sgscore1() >= minSgscore) {
            return new Drop("PS1 star within " + ps1MaxDistanceArcsec + " arcsec",
                    String.format("PS1 source %.2f arcsec away with sgscore1 %.2f >= %s", f.distpsnr1(), f.sgscore1(), minSgscore));
        }
        if (f.neargaia() != null && f.maggaia() != null && f.neargaia() >= 0 && f.neargaia() <= gaiaMaxDistanceArcsec
                && f.maggaia() > 0 && f.maggaia() < gaiaMaxMag) {
            return new Drop("Gaia star within " + gaiaMaxDistanceArcsec + " arcsec",
                    String.format("Gaia source %.2f arcsec away, G = %.1f < %s", f.neargaia(), f.maggaia(), gaiaMaxMag));
        }
        return null;
    }
}
