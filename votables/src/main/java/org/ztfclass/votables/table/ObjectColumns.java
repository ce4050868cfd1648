package org.ztfclass.votables.table;

import java.util.List;
import org.ztfclass.votables.domain.ZtfObject;

/** The columns of an object table, with units and UCDs; see {@link ZtfObject} for meanings. */
public final class ObjectColumns {

    /** All columns, in the order they are served. */
    public static final List<TableColumn<ZtfObject>> ALL = List.of(
            TableColumn.of("objectId", String.class, "", "meta.id;meta.main", "ZTF object identifier", ZtfObject::objectId),
            TableColumn.of("ra", Double.class, "deg", "pos.eq.ra;meta.main", "Mean ICRS right ascension of the detections", ZtfObject::ra),
            TableColumn.of("dec", Double.class, "deg", "pos.eq.dec;meta.main", "Mean ICRS declination of the detections", ZtfObject::dec),
            TableColumn.of("first_detection_jd", Double.class, "d", "time.start;obs", "Julian Date of the first detection", ZtfObject::firstDetectionJd),
            TableColumn.of("last_detection_jd", Double.class, "d", "time.end;obs", "Julian Date of the last detection", ZtfObject::lastDetectionJd),
            TableColumn.of("n_detections", Integer.class, "count", "meta.number;obs", "Number of detections (upper limits excluded)", ZtfObject::nDetections),
            TableColumn.of("peak_mag_g", Double.class, "mag", "phot.mag;em.opt.B;stat.max", "Brightest ZTF g PSF magnitude (AB)", ZtfObject::peakMagG),
            TableColumn.of("peak_mag_r", Double.class, "mag", "phot.mag;em.opt.R;stat.max", "Brightest ZTF r PSF magnitude (AB)", ZtfObject::peakMagR),
            TableColumn.of("peak_mag_i", Double.class, "mag", "phot.mag;em.opt.I;stat.max", "Brightest ZTF i PSF magnitude (AB)", ZtfObject::peakMagI),
            TableColumn.of("label_status", String.class, "", "meta.code.status", "unlabelled or labelled", ZtfObject::labelStatus),
            TableColumn.of("label_class", String.class, "", "src.class", "Current class from label events: SN_IA, SN_II or OTHER", ZtfObject::labelClass),
            TableColumn.of("label_fine_class", String.class, "", "meta.code.class", "Current class as labelled (e.g. SN Ia-91T-like)", ZtfObject::labelFineClass),
            TableColumn.of("dropped_by", String.class, "", "meta.code.qual", "Filter-funnel stage that dropped the object in the latest run (empty: passed)", ZtfObject::droppedBy),
            TableColumn.of("drop_reason", String.class, "", "meta.note", "Why the stage dropped it, with the values it judged", ZtfObject::dropReason),
            TableColumn.of("p_SN_IA", Double.class, "", "stat.probability", "Current (serving) model version's probability of SN Ia",
                    o -> o.prediction() == null ? null : o.prediction().pSnIa()),
            TableColumn.of("p_SN_II", Double.class, "", "stat.probability", "Current (serving) model version's probability of SN II",
                    o -> o.prediction() == null ? null : o.prediction().pSnII()),
            TableColumn.of("p_OTHER", Double.class, "", "stat.probability", "Current (serving) model version's probability of any other class",
                    o -> o.prediction() == null ? null : o.prediction().pOther()),
            TableColumn.of("predicted_class", String.class, "", "src.class", "Class with the highest probability",
                    o -> o.prediction() == null ? null : o.prediction().predictedClass().name()),
            TableColumn.of("model_version", String.class, "", "meta.version", "Model that made the prediction",
                    o -> o.prediction() == null ? null : o.prediction().modelVersion()));

    private ObjectColumns() {
    }
}
