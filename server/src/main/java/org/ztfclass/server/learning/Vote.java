package org.ztfclass.server.learning;

import org.ztfclass.votables.domain.TransientClass;

/**
 * A human (or catalogue) label event as consensus sees it.
 *
 * @param labelId  the event id; a later event of the same labeller replaces an earlier one
 * @param objectId the object
 * @param labeller who said it: {@code user:ID} for people, {@code catalogue:NAME} for catalogues
 * @param label    the top-level class
 */
public record Vote(long labelId, String objectId, String labeller, TransientClass label) {
}
