package org.ztfclass.server.labels;

import java.util.Locale;

/** Where a person's label came from: the web page, the SAMP bridge, or the TOPCAT plugin (the {@code labels.source} values). */
public enum LabelSource {
    WEB, SAMP, TOPCAT;

    /** @return the stored name ({@code web}, {@code samp}, {@code topcat}) */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name one of web, samp, topcat (any case); null means web
     * @throws IllegalArgumentException naming the allowed values
     */
    public static LabelSource parse(String name) {
        if (name == null || name.isBlank()) {
            return WEB;
        }
        for (LabelSource s : values()) {
            if (s.dbName().equalsIgnoreCase(name.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("source '" + name + "' is not one of web, samp, topcat");
    }
}
