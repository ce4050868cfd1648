package org.ztfclass.votables.domain;

/**
 * The summary of one ZTF object as served in object tables.
 *
 * @param objectId        ZTF object id
 * @param ra              mean right ascension of the detections (or catalogue position), deg; null if unknown
 * @param dec             mean declination, deg
 * @param firstDetectionJd JD of the first detection, null if only catalogue data is known
 * @param lastDetectionJd  JD of the last detection, null if none
 * @param nDetections     number of detections (upper limits excluded)
 * @param peakMagG        brightest g magnitude, null if no g detection
 * @param peakMagR        brightest r magnitude
 * @param peakMagI        brightest i magnitude
 * @param labelStatus     {@code unlabelled} or {@code labelled}
 * @param labelClass      current top-level class derived from label events, null if unlabelled
 * @param labelFineClass  the fine class of the current label, null if unlabelled
 * @param droppedBy       the filter-funnel stage that dropped the object in the latest run, null if it passed
 *                        (or the funnel never ran)
 * @param dropReason      why, with the values the stage judged; null if not dropped
 * @param prediction      the current (serving) model version's prediction, null if that version did not score the object
 */
public record ZtfObject(String objectId, Double ra, Double dec, Double firstDetectionJd, Double lastDetectionJd,
                        int nDetections, Double peakMagG, Double peakMagR, Double peakMagI,
                        String labelStatus, String labelClass, String labelFineClass, String droppedBy, String dropReason,
                        Prediction prediction) {
}
