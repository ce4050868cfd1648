package org.ztfclass.server.store;

/**
 * A cutout as stored: gzip-compressed FITS exactly as it came in the alert packet.
 *
 * @param candid   the alert it belongs to
 * @param kind     science, template or difference
 * @param fileName the stamp's name in the packet
 * @param fitsGz   the bytes
 */
public record StoredCutout(long candid, String kind, String fileName, byte[] fitsGz) {
}
