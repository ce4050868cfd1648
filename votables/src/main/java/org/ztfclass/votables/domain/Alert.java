package org.ztfclass.votables.domain;

import java.util.List;

/**
 * One ZTF alert packet, reduced to what ztfclass keeps.
 *
 * @param objectId      ZTF object id
 * @param candid        candidate id of the triggering detection (unique per alert)
 * @param schemaVersion the packet's {@code schemavsn}, or the writer schema's name if absent
 * @param candidate     the triggering detection
 * @param context       surroundings of the candidate (solar-system, PS1, Gaia neighbours)
 * @param history       {@code prv_candidates}: earlier detections and upper limits of the
 *                      last 30 days, oldest first as in the packet; may be empty
 * @param cutouts       the science/template/difference stamps that decoded correctly
 */
public record Alert(String objectId, long candid, String schemaVersion, Detection candidate,
                    CandidateContext context, List<Detection> history, List<Cutout> cutouts) {

    public Alert {
        history = List.copyOf(history);
        cutouts = List.copyOf(cutouts);
    }
}
