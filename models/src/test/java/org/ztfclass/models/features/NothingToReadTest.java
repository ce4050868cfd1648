package org.ztfclass.models.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.Detection;

/**
 * Which objects no branch can read, built from a real ANTARES light curve (SN Ia ZTF18aaiykoz): one usable
 * detection, a catalogue row with a peak magnitude or a cutout is enough to be read; upper limits, i-band points,
 * negative subtractions or nothing at all are not, and the reason says which.
 */
class NothingToReadTest {

    private static ObjectData object(List<Detection> points, CatalogueEntry summary) {
        return new ObjectData("ZTF18aaiykoz", null, null, points, summary, null, List.of());
    }

    private static Detection as(Detection d, Band band, Double mag, Double limit, String isdiffpos) {
        return new Detection(d.objectId(), d.candid(), d.jd(), band, mag, mag == null ? null : d.sigmapsf(), limit, null, null, null,
                null, isdiffpos, null);
    }

    @Test
    void anObjectWithOneUsableDetectionOrACatalogueRowIsRead() throws Exception {
        List<Detection> real = LightCurveFeaturesTest.antares(LightCurveFeaturesTest.SN_IA);
        assertNull(NothingToRead.reason(object(real, null)));
        assertNull(NothingToRead.reason(object(List.of(real.get(0)), null)), "one detection is enough");
        CatalogueEntry bts = new CatalogueEntry("bts", "ZTF18aaiykoz", null, null, null, null, null, "r", 17.1, null, 30.0, 12.0,
                18.0, null, null, 45.0, 0.1);
        assertNull(NothingToRead.reason(object(List.of(), bts)), "a BTS row alone is read by the trees");
        org.junit.jupiter.api.Assertions.assertTrue(NothingToRead.featuresReadable(object(List.of(real.get(0)), null)));
        org.junit.jupiter.api.Assertions.assertTrue(NothingToRead.featuresReadable(object(List.of(), bts)));
    }

    @Test
    void upperLimitsIBandPointsNegativeSubtractionsOrNothingAreNotReadAndTheReasonSaysWhy() throws Exception {
        List<Detection> real = LightCurveFeaturesTest.antares(LightCurveFeaturesTest.SN_IA).subList(0, 3);
        List<Detection> limits = real.stream().map(d -> as(d, d.band(), null, d.magpsf() + 0.5, null)).toList();
        assertEquals("only 3 upper limits, no detection, no catalogue row with a peak magnitude, no cutouts: nothing to classify",
                NothingToRead.reason(object(limits, null)));
        assertEquals("no light-curve point, no catalogue row with a peak magnitude, no cutouts: nothing to classify",
                NothingToRead.reason(object(List.of(), null)));
        org.junit.jupiter.api.Assertions.assertFalse(NothingToRead.featuresReadable(object(limits, null)));
        var stamp = new org.ztfclass.votables.domain.Cutout(1L, org.ztfclass.votables.domain.CutoutKind.SCIENCE, "s.fits.gz", new byte[0]);
        var onlyStamps = new ObjectData("ZTF18aaiykoz", null, null, limits, null, null, List.of(stamp));
        assertNull(NothingToRead.reason(onlyStamps), "the CNN can read a cutout");
        org.junit.jupiter.api.Assertions.assertFalse(NothingToRead.featuresReadable(onlyStamps), "but the features cannot");
        List<Detection> mixed = List.of(limits.get(0), as(real.get(1), Band.I, real.get(1).magpsf(), null, "t"),
                as(real.get(2), real.get(2).band(), real.get(2).magpsf(), null, "f"));
        assertEquals("no usable g or r detection among 3 points (1 upper limit, 1 i-band point, 1 negative subtraction), "
                + "no catalogue row with a peak magnitude, no cutouts: nothing to classify", NothingToRead.reason(object(mixed, null)));
        CatalogueEntry labelOnly = CatalogueEntry.labelOnly("tns", "ZTF18aaiykoz", "SN Ia");
        assertEquals("only 3 upper limits, no detection, no catalogue row with a peak magnitude, no cutouts: nothing to classify",
                NothingToRead.reason(object(limits, labelOnly)), "a label is not an input");
    }
}
