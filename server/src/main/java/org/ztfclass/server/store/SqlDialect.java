package org.ztfclass.server.store;

import java.util.List;

/**
 * The few pieces of SQL that SQLite and PostgreSQL spell differently. Everything else ztfclass
 * writes is common to both (standard SQL plus {@code INSERT ... ON CONFLICT}, which both accept);
 * a store class asks its {@link Database#dialect()} for these pieces instead of testing the engine.
 */
public enum SqlDialect {

    /** The embedded default. */
    SQLITE,
    /** The shared store. */
    POSTGRESQL;

    /** @return the smallest of the arguments (SQLite's scalar {@code MIN}, PostgreSQL's {@code LEAST}) */
    public String least(String... expressions) {
        return (this == SQLITE ? "MIN(" : "LEAST(") + String.join(", ", List.of(expressions)) + ")";
    }

    /** @return the largest of the arguments (SQLite's scalar {@code MAX}, PostgreSQL's {@code GREATEST}) */
    public String greatest(String... expressions) {
        return (this == SQLITE ? "MAX(" : "GREATEST(") + String.join(", ", List.of(expressions)) + ")";
    }

    /**
     * @param alias the table alias, or "" for none
     * @return the column that orders a table's rows by insertion for the tables that need it
     *     ({@code objects}, {@code crossmatch_rows}, {@code stream_dead_letters}): SQLite's
     *     {@code rowid}, the {@code row_seq} identity column on PostgreSQL
     */
    public String insertionOrder(String alias) {
        return (alias.isEmpty() ? "" : alias + ".") + (this == SQLITE ? "rowid" : "row_seq");
    }

    /** @return SQLite's {@code INDEXED BY} hint for the index (PostgreSQL's planner takes no hints: "") */
    public String indexedBy(String index) {
        return this == SQLITE ? " INDEXED BY " + index : "";
    }

    /** @return an aggregate joining the text values of {@code expression} with commas */
    public String groupConcat(String expression) {
        return this == SQLITE ? "GROUP_CONCAT(" + expression + ")" : "string_agg(" + expression + ", ',')";
    }

    /**
     * @return {@code expression} (ISO-8601 text in UTC) written as {@code YYYY-MM-DDTHH:MM:SS.sssZ}
     *     (millisecond precision), or the text as it is where it cannot be read as a time
     */
    public String isoMillis(String expression) {
        if (this == SQLITE) {
            return "COALESCE(strftime('%Y-%m-%dT%H:%M:%fZ', " + expression + "), " + expression + ")";
        }
        return "COALESCE(ztfclass_iso_millis(" + expression + "), " + expression + ")";
    }
}
