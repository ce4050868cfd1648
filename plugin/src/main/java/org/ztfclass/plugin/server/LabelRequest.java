package org.ztfclass.plugin.server;

/**
 * One label to send to the server's {@code POST /api/labels}.
 *
 * @param objectId   the ZTF object, e.g. {@code ZTF20aaelulu}
 * @param className  {@code SN_IA}, {@code SN_II}, {@code OTHER} or a fine class ({@code SN IIn}, {@code TDE}, ...);
 *                   the server checks it
 * @param confidence 0..1, or null
 * @param comment    free text, or null
 */
public record LabelRequest(String objectId, String className, Double confidence, String comment) {
}
