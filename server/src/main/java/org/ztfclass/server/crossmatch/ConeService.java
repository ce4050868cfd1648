package org.ztfclass.server.crossmatch;

import org.ztfclass.votables.crossmatch.CatalogueDefinition;

/** A catalogue service that answers cone queries with a VOTable. Implementations are thread-safe. */
public interface ConeService {

    /** @return the service's name as stored with each answer, e.g. {@code CDS VizieR} */
    String name();

    /**
     * Asks for the catalogue's sources within {@code radiusArcsec} of a position.
     *
     * @throws ServiceException when no answer came (after the retries the implementation makes)
     */
    ConeAnswer cone(CatalogueDefinition catalogue, double raDeg, double decDeg, double radiusArcsec) throws ServiceException;
}
