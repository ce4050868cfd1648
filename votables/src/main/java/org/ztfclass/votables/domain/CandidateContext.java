package org.ztfclass.votables.domain;

/**
 * The context fields of an alert's candidate that describe its surroundings rather than its
 * brightness: nearest solar-system object, nearest Pan-STARRS1 sources and their star/galaxy
 * score, Gaia neighbour. They feed the filter funnel and the tabular features. Any field may be
 * null when the packet's schema version lacks it.
 *
 * @param ssdistnr   distance to the nearest known solar-system object, arcsec (-999 if none)
 * @param ssmagnr    magnitude of that object
 * @param sgscore1   star/galaxy score of the nearest PS1 source, 0 (galaxy) .. 1 (star)
 * @param distpsnr1  distance to the nearest PS1 source, arcsec
 * @param srmag1     r magnitude of the nearest PS1 source
 * @param neargaia   distance to the nearest Gaia source, arcsec
 * @param maggaia    Gaia G magnitude of that source
 * @param ndethist   number of previous detections at this position (ZTF history)
 * @param jdstarthist JD of the first detection at this position
 * @param magnr      magnitude of the nearest source in the reference image
 * @param distnr     distance to that source, pixels
 */
public record CandidateContext(Double ssdistnr, Double ssmagnr, Double sgscore1, Double distpsnr1, Double srmag1,
                               Double neargaia, Double maggaia, Integer ndethist, Double jdstarthist,
                               Double magnr, Double distnr) {
}
