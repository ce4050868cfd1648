package org.ztfclass.plugin.server;

import java.util.List;

/**
 * The server's account of a batch of labels ({@code POST /api/labels}).
 *
 * @param accepted     labels stored
 * @param deduplicated labels not stored again (the same user gave the same object the same class moments ago)
 * @param rejected     the labels refused, each with its position in the batch and why
 * @param user         the token's user the labels were stored for (null if the server did not say)
 */
public record LabelAnswer(int accepted, int deduplicated, List<Rejected> rejected, String user) {

    /**
     * @param index    position in the batch, from 0
     * @param objectId the object it named, or null
     * @param error    why the server refused it
     */
    public record Rejected(int index, String objectId, String error) {
    }
}
