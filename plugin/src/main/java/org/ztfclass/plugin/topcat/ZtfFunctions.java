package org.ztfclass.plugin.topcat;

/**
 * ztfclass functions for TOPCAT and STILTS expressions. Add this class to the JEL classes
 * ({@code -Djel.classes=org.ztfclass.plugin.topcat.ZtfFunctions}, or TOPCAT's Available
 * Functions window) with the plugin jar on the classpath; the server is set by the system
 * properties {@code ztfclass.server} and {@code ztfclass.token}. Answers are cached; an object
 * the server does not know, or a server that cannot be reached, gives a blank (NaN or null).
 */
public final class ZtfFunctions {

    private static final ObjectLookup LOOKUP = new ObjectLookup(ServerSettings.client());

    private ZtfFunctions() {
    }

    /**
     * Probability that an object belongs to a class, from the latest ztfclass model.
     *
     * @param objectId  ZTF object id, e.g. <code>"ZTF20aaelulu"</code>
     * @param className <code>"SN_IA"</code>, <code>"SN_II"</code> or <code>"OTHER"</code>
     * @return probability 0..1, NaN if unknown
     * @example <code>ztfProb(objectId, "SN_IA")</code>
     */
    public static double ztfProb(String objectId, String className) {
        ObjectLookup.Facts f = LOOKUP.get(objectId);
        Double p = className == null ? null : switch (className.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "SN_IA", "SNIA", "IA" -> f.pSnIa();
            case "SN_II", "SNII", "II" -> f.pSnII();
            case "OTHER" -> f.pOther();
            default -> null;
        };
        return p == null ? Double.NaN : p;
    }

    /**
     * The class the latest ztfclass model gives an object.
     *
     * @param objectId ZTF object id
     * @return <code>SN_IA</code>, <code>SN_II</code>, <code>OTHER</code>, or null if unknown
     * @example <code>ztfClass(objectId)</code>
     */
    public static String ztfClass(String objectId) {
        return LOOKUP.get(objectId).predictedClass();
    }

    /**
     * The object's ztfclass web page.
     *
     * @param objectId ZTF object id
     * @return the page URL, or null if the server does not know the object
     * @example <code>ztfUrl(objectId)</code>
     */
    public static String ztfUrl(String objectId) {
        return LOOKUP.get(objectId).url();
    }
}
