package org.ztfclass.votables.crossmatch;

import java.util.List;

/**
 * A catalogue source found near an object.
 *
 * @param catalogue         catalogue key, e.g. {@code ps1}
 * @param sourceId          the catalogue's own id of the source
 * @param separationArcsec  distance from the object's position, arcseconds
 * @param ra                source position (ICRS/J2000 degrees), null when the answer gives none
 * @param dec               source position
 * @param measurements      its magnitudes or flux densities (those present in the answer)
 */
public record CrossmatchSource(String catalogue, String sourceId, double separationArcsec, Double ra, Double dec,
                               List<CrossmatchMeasurement> measurements) {

    public CrossmatchSource {
        measurements = List.copyOf(measurements);
    }
}
