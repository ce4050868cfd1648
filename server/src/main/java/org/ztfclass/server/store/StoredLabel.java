package org.ztfclass.server.store;

/**
 * A label event as stored.
 *
 * @param id         event id, increasing with time of recording
 * @param objectId   ZTF object id
 * @param fineClass  class as given
 * @param topClass   SN_IA, SN_II or OTHER
 * @param source     catalogue, web, samp, topcat or auto
 * @param sourceRef  catalogue name, model version for automatic labels, or for a person's label the same as {@code userName}
 * @param userName   the labeller (user name or pseudonym, see {@link ObjectQueries#labels(String, boolean)}), null for
 *                   catalogue and model labels
 * @param confidence 0..1 or null
 * @param comment    free text or null
 * @param createdAt  ISO-8601 UTC time of recording
 */
public record StoredLabel(long id, String objectId, String fineClass, String topClass, String source, String sourceRef,
                          String userName, Double confidence, String comment, String createdAt) {
}
