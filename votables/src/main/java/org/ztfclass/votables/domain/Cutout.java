package org.ztfclass.votables.domain;

/**
 * One image stamp of an alert, kept exactly as ZTF sent it.
 *
 * @param candid   candidate id of the alert the stamp belongs to
 * @param kind     science, template or difference
 * @param fileName the stamp's original file name in the packet
 * @param stampData the gzip-compressed FITS file, byte for byte as in the packet
 */
public record Cutout(long candid, CutoutKind kind, String fileName, byte[] stampData) {
}
