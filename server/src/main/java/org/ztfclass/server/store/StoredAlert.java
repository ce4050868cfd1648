package org.ztfclass.server.store;

import java.util.List;

/**
 * One stored alert of an object: when, which schema, its context fields and which cutouts are kept.
 *
 * @param candid        candidate id
 * @param jd            Julian Date of the triggering detection
 * @param schemaVersion the packet's schema version
 * @param ssdistnr      distance to the nearest solar-system object, arcsec
 * @param sgscore1      star/galaxy score of the nearest PS1 source
 * @param distpsnr1     distance to the nearest PS1 source, arcsec
 * @param neargaia      distance to the nearest Gaia source, arcsec
 * @param cutouts       kinds of the stored cutouts: science, template, difference
 * @param sourceFile    the file the packet came from
 */
public record StoredAlert(long candid, double jd, String schemaVersion, Double ssdistnr, Double sgscore1,
                          Double distpsnr1, Double neargaia, List<String> cutouts, String sourceFile) {
}
