package org.ztfclass.server.store;

/**
 * What the filter funnel knows of one object: its summary, its best real/bogus scores, how its
 * detections group in time, and the context fields of its latest alert. Fields are null (or
 * NaN-free empty arrays) when the store has no data for them.
 *
 * @param objectId         ZTF object id
 * @param ra               ICRS right ascension, deg, null if unknown
 * @param dec              ICRS declination, deg, null if unknown
 * @param synthetic        true for objects made by {@code generate}
 * @param nDetections      detections (upper limits excluded)
 * @param firstJd          first detection, JD
 * @param lastJd           last detection, JD
 * @param peakMag          brightest detection magnitude in any band
 * @param cataloguePeakMag brightest peak magnitude a catalogue gives (e.g. BTS)
 * @param bestScores       the best real/bogus scores, highest first (at most 5)
 * @param episodes         runs of detections separated by more than 90 days
 * @param ssdistnr         latest alert: distance to nearest known solar-system object, arcsec (-999: none)
 * @param ssmagnr          its magnitude
 * @param sgscore1         latest alert: star/galaxy score of the nearest PS1 source (1 = star)
 * @param distpsnr1        distance to it, arcsec
 * @param neargaia         latest alert: distance to the nearest Gaia source, arcsec
 * @param maggaia          its G magnitude
 * @param ndethist         latest alert: detections at this position in ZTF's history
 * @param jdstarthist      latest alert: first detection at this position, JD
 * @param distnr           latest alert: distance to the nearest reference-image source, pixels
 * @param magnr            its magnitude
 */
public record ObjectFacts(String objectId, Double ra, Double dec, boolean synthetic, int nDetections, Double firstJd,
                          Double lastJd, Double peakMag, Double cataloguePeakMag, double[] bestScores, int episodes,
                          Double ssdistnr, Double ssmagnr, Double sgscore1, Double distpsnr1, Double neargaia,
                          Double maggaia, Integer ndethist, Double jdstarthist, Double distnr, Double magnr) {

    /** How many best scores the store keeps per object: a funnel can ask for at most this many good detections. */
    public static final int MAX_SCORES = SummaryRefresher.KEPT_SCORES;
}
