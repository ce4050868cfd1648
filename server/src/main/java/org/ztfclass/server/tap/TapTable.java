package org.ztfclass.server.tap;

import java.util.List;
import java.util.Optional;

/**
 * A table the TAP service publishes: schema {@code ztf}, its ADQL name, the SQLite table it reads
 * and the columns it exposes (no other column of the store table can be queried).
 *
 * @param schema      ADQL schema name
 * @param name        ADQL table name without the schema
 * @param sqlTable    table of the store
 * @param description one paragraph for VOSI
 * @param columns     the published columns, in order
 */
public record TapTable(String schema, String name, String sqlTable, String description, List<TapColumn> columns) {

    public TapTable {
        columns = List.copyOf(columns);
    }

    /** @return {@code schema.name} */
    public String qualifiedName() {
        return schema + "." + name;
    }

    /**
     * @param adqlName a column name as written in a query (already unquoted)
     * @param quoted   whether it was a delimited identifier (then the match is case-sensitive)
     * @return the column, if published
     */
    public Optional<TapColumn> column(String adqlName, boolean quoted) {
        for (TapColumn c : columns) {
            if (quoted ? c.name().equals(adqlName) : c.name().equalsIgnoreCase(adqlName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** @return the names of the columns, comma-separated, for error messages */
    public String columnNames() {
        return String.join(", ", columns.stream().map(TapColumn::name).toList());
    }
}
