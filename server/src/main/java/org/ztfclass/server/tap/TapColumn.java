package org.ztfclass.server.tap;

import uk.ac.starlink.table.ColumnInfo;

/**
 * One column a TAP table publishes: its ADQL name, the store column it reads, and the metadata
 * written to VOSI {@code /tables} and to every VOTable FIELD of a query answer.
 *
 * @param name        ADQL name (lower case)
 * @param sqlName     column of the SQLite table it reads
 * @param type        cell class: {@code String}, {@code Double}, {@code Integer} or {@code Long}
 * @param unit        VOUnit, empty when dimensionless
 * @param ucd         UCD1+
 * @param description one line
 */
public record TapColumn(String name, String sqlName, Class<?> type, String unit, String ucd, String description) {

    /** @return STIL metadata for a result column named {@code outputName} with this column's type, unit and UCD */
    public ColumnInfo info(String outputName) {
        ColumnInfo info = new ColumnInfo(outputName, type, description);
        info.setUnitString(unit.isEmpty() ? null : unit);
        info.setUCD(ucd);
        info.setNullable(true);
        return info;
    }

    /** @return the name as metadata lists it: delimited ({@code "size"}) when it is an ADQL reserved word */
    public String listedName() {
        return name.equals("size") ? "\"size\"" : name;
    }

    /** @return the VOTable datatype: char, double, int or long */
    public String votableType() {
        if (type == String.class) {
            return "char";
        } else if (type == Double.class) {
            return "double";
        } else if (type == Integer.class) {
            return "int";
        }
        return "long";
    }

    /** @return true for numeric columns */
    public boolean numeric() {
        return type != String.class;
    }
}
