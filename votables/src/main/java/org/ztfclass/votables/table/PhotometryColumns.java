package org.ztfclass.votables.table;

import java.util.List;
import org.ztfclass.votables.domain.PhotometryPoint;

/** The columns of a multi-survey photometry table (ZTF, forced photometry, other surveys, radio). */
public final class PhotometryColumns {

    /** All columns, in order. */
    public static final List<TableColumn<PhotometryPoint>> ALL = List.of(
            TableColumn.of("objectId", String.class, "", "meta.id;meta.main", "ZTF object identifier", PhotometryPoint::objectId),
            TableColumn.of("mjd", Double.class, "d", "time.epoch;obs", "Modified Julian Date of the observation (UTC)", PhotometryPoint::mjd),
            TableColumn.of("instrument", String.class, "", "instr.tel", "Survey or telescope (ZTF, ZTF-forced, PS1, ATLAS, VLA, ...)", PhotometryPoint::instrument),
            TableColumn.of("band", String.class, "", "meta.id;instr.filter", "Optical band; empty when the source does not say, or for radio", PhotometryPoint::band),
            TableColumn.of("frequency", Double.class, "GHz", "em.freq", "Observed frequency of a radio point", PhotometryPoint::frequencyGHz),
            TableColumn.of("mag", Double.class, "mag", "phot.mag", "AB magnitude (empty for non-detections and radio)", PhotometryPoint::mag),
            TableColumn.of("mag_err", Double.class, "mag", "stat.error;phot.mag", "1-sigma error of mag", PhotometryPoint::magErr),
            TableColumn.of("flux", Double.class, "uJy", "phot.flux.density", "Flux density", PhotometryPoint::fluxUJy),
            TableColumn.of("flux_err", Double.class, "uJy", "stat.error;phot.flux.density", "1-sigma error of flux", PhotometryPoint::fluxErrUJy),
            TableColumn.of("limit_mag", Double.class, "mag", "phot.mag;stat.max", "5-sigma limiting magnitude of a non-detection", PhotometryPoint::limitMag));

    private PhotometryColumns() {
    }
}
