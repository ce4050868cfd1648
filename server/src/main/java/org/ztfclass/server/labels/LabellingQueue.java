package org.ztfclass.server.labels;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The order in which objects are offered for labelling ("next object" on the object page, the
 * {@code n} key). Implementations decide the order; the web application only asks for the next
 * one. Implementations must be thread-safe.
 */
public interface LabellingQueue {

    /**
     * @param current the object the user is looking at (skipped), or null
     * @return the next object to label, empty when nothing is left
     */
    default Optional<String> next(String current) throws SQLException {
        return next(current, null);
    }

    /**
     * @param current the object the user is looking at (never returned), or null
     * @param userId  the labeller asking, or null for nobody in particular; an object this person
     *                skipped or was unsure about ({@link LabelSkips}) is never offered to them
     * @return the next object to label, empty when nothing is left
     */
    Optional<String> next(String current, Long userId) throws SQLException;
}
