package org.ztfclass.votables.table;

/**
 * A row of a user's table that names a ZTF object, by id or by position or both.
 *
 * @param row      0-based row index in the user's table
 * @param objectId ZTF object id, null if the table has none for this row
 * @param ra       ICRS right ascension, degrees, null if not given
 * @param dec      ICRS declination, degrees, null if not given
 */
public record ObjectReference(long row, String objectId, Double ra, Double dec) {
}
