package org.ztfclass.models.data;

import java.util.List;
import org.ztfclass.votables.domain.CandidateContext;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.domain.Detection;

/**
 * Everything the classifier may look at for one object. Any part may be missing: a BTS row
 * has a summary but no light curve, a light-curve file no context and no cutouts, an alert a
 * 30-day light curve, context and cutouts. The branches that need a missing part are masked.
 *
 * @param objectId   ZTF object id
 * @param ra         ICRS right ascension, deg, null if unknown
 * @param dec        ICRS declination, deg, null if unknown
 * @param lightCurve detections and upper limits, any order; empty if none
 * @param summary    a catalogue's light-curve summary (e.g. the BTS row), null if none; its
 *                   {@code peakAbsMag}, {@code redshift} and class are never used as inputs
 * @param context    context fields of the latest alert, null if none
 * @param cutouts    image stamps of the latest alert, empty if none
 */
public record ObjectData(String objectId, Double ra, Double dec, List<Detection> lightCurve, CatalogueEntry summary,
                         CandidateContext context, List<Cutout> cutouts) {

    public ObjectData {
        lightCurve = List.copyOf(lightCurve);
        cutouts = List.copyOf(cutouts);
    }
}
