package org.ztfclass.votables.domain;

/**
 * A model's class probabilities for one object.
 *
 * @param objectId     ZTF object id
 * @param modelVersion version of the model bundle that made it
 * @param pSnIa        probability of SN Ia
 * @param pSnII        probability of SN II
 * @param pOther       probability of any other class
 */
public record Prediction(String objectId, String modelVersion, double pSnIa, double pSnII, double pOther) {

    /** @return the class with the highest probability (ties go to the first in enum order) */
    public TransientClass predictedClass() {
        if (pSnIa >= pSnII && pSnIa >= pOther) {
            return TransientClass.SN_IA;
        }
        return pSnII >= pOther ? TransientClass.SN_II : TransientClass.OTHER;
    }
}
