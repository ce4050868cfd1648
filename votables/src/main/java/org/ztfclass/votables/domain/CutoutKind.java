package org.ztfclass.votables.domain;

import java.util.Locale;

/** The three 63x63 image stamps of a ZTF alert. */
public enum CutoutKind {
    /** The new science exposure. */
    SCIENCE("cutoutScience"),
    /** The reference (template) image; ZTF calls it "template", astronomers "reference". */
    TEMPLATE("cutoutTemplate"),
    /** Science minus reference. */
    DIFFERENCE("cutoutDifference");

    private final String avroField;

    CutoutKind(String avroField) {
        this.avroField = avroField;
    }

    /** @return the field of the ZTF alert packet that holds this stamp */
    public String avroField() {
        return avroField;
    }

    /** @return lower-case name as used in URLs: {@code science}, {@code template}, {@code difference} */
    public String urlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name {@code science}, {@code template} (or {@code reference}), {@code difference}
     * @throws IllegalArgumentException for any other name
     */
    public static CutoutKind parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "science": return SCIENCE;
            case "template": case "reference": return TEMPLATE;
            case "difference": return DIFFERENCE;
            default: throw new IllegalArgumentException(
                    "unknown cutout '" + name + "' (expected science, template or difference)");
        }
    }
}
