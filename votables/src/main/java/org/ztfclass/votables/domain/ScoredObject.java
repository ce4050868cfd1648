package org.ztfclass.votables.domain;

/**
 * An object with the model's prediction, as written by {@code ztfclass score}.
 *
 * @param objectId   ZTF object id
 * @param ra         ICRS right ascension, deg, null if unknown
 * @param dec        ICRS declination, deg, null if unknown
 * @param prediction class probabilities and model version
 */
public record ScoredObject(String objectId, Double ra, Double dec, Prediction prediction) {
}
