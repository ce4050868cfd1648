package org.ztfclass.server.labels;

/**
 * One label a person asks to record.
 *
 * @param objectId   ZTF object id
 * @param className  a class of {@link LabelVocabulary}
 * @param confidence 0..1 or null
 * @param comment    free text (at most {@link LabelService#MAX_COMMENT} characters) or null
 */
public record LabelRequest(String objectId, String className, Double confidence, String comment) {
}
