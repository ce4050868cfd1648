package org.ztfclass.votables.table;

import java.util.function.Function;
import uk.ac.starlink.table.ColumnInfo;

/**
 * One column of a table built from records: its metadata (name, type, unit, UCD, description)
 * and how to take its value from a record.
 *
 * @param info  STIL column metadata, written to the VOTable FIELD
 * @param value the cell value of a record; null for a missing value
 * @param <T>   record type
 */
public record TableColumn<T>(ColumnInfo info, Function<T, Object> value) {

    /**
     * @param name        column name
     * @param type        cell class ({@code String}, {@code Double}, {@code Integer}, {@code Long}, {@code Boolean})
     * @param unit        VOUnit string, e.g. {@code deg}, {@code mag}, {@code d}
     * @param ucd         UCD1+ string, e.g. {@code pos.eq.ra;meta.main}
     * @param description one line for the FIELD's DESCRIPTION
     */
    public static <T> TableColumn<T> of(String name, Class<?> type, String unit, String ucd, String description,
                                        Function<T, Object> value) {
        ColumnInfo info = new ColumnInfo(name, type, description);
        info.setUnitString(unit);
        info.setUCD(ucd);
        info.setNullable(true);
        return new TableColumn<>(info, value);
    }
}
