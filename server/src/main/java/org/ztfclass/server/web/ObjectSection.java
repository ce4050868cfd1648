package org.ztfclass.server.web;

import java.sql.SQLException;

/**
 * One panel of the object page ({@code /objects/{objectId}}). The page renders its sections in
 * order; a new panel (e.g. cross-matches) is a new implementation added to the list in
 * {@link ObjectPage}. A section writes a self-contained {@code <section>} with a heading, and a
 * text alternative for anything it plots; scripts it needs are listed in {@link #scripts()}.
 */
public interface ObjectSection {

    /** Appends the section's HTML (every value escaped). */
    void render(ObjectView view, StringBuilder out) throws SQLException;

    /** @return script URLs this section needs ({@code module:} prefix for ES modules); none by default */
    default java.util.List<String> scripts() {
        return java.util.List.of();
    }
}
