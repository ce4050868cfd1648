package org.ztfclass.plugin.topcat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One query for ztfclass objects, shared by the {@code :ztf:} table scheme and the TOPCAT load
 * dialog: it is parsed from, and written back as, a scheme specification
 * ({@code class=SN_IA&minprob=0.9&status=unlabelled&ra=150&dec=2&radius=1&limit=500}) and turned
 * into the server's {@code GET /api/objects?format=votable&...} URL. Keys (all optional):
 * {@code class} predicted class (SN_IA, SN_II, OTHER), {@code minprob} probability 0..1 of it,
 * {@code label} current label class, {@code status} labelled|unlabelled, {@code dropped_by}
 * funnel stage or {@code none}, {@code limit} most rows (0..1,000,000), and a sky cone
 * {@code ra} (0..360), {@code dec} (-90..90), {@code radius} (degrees, (0..180]) given together.
 * The server filters everything but the cone, which {@link ZtfQueryLoader} applies to the
 * returned rows (so with a cone, {@code limit} counts rows inside it). Every value is checked
 * here; a bad one is an {@link IllegalArgumentException} naming the key, the value and what is
 * allowed. Immutable.
 */
public final class ZtfQuery {

    /** Scheme keys in the order a specification is written. */
    private static final String[] KEYS = {"class", "minprob", "label", "status", "dropped_by", "ra", "dec", "radius", "limit"};
    private static final Set<String> CLASSES = Set.of("SN_IA", "SN_II", "OTHER");
    /** Scheme key to {@code /api/objects} parameter, for the keys the server filters on. */
    private static final Map<String, String> SERVER_PARAMS = Map.of("class", "predicted_class", "minprob", "min_prob",
            "label", "class", "status", "label_status", "dropped_by", "dropped_by", "limit", "limit");

    /** Usage line for the scheme. */
    public static final String USAGE = "[class=SN_IA|SN_II|OTHER][&minprob=P][&label=CLASS][&status=labelled|unlabelled]"
            + "[&dropped_by=STAGE|none][&ra=DEG&dec=DEG&radius=DEG][&limit=N]";

    private final Map<String, String> values;

    private ZtfQuery(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses a scheme specification ({@code key=value} pairs joined by {@code &}; keys are
     * case-insensitive, blank values mean "not given").
     *
     * @throws IllegalArgumentException for an unknown key or a bad value, naming it
     */
    public static ZtfQuery parse(String specification) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String part : specification == null ? new String[0] : specification.split("&")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            given.put(key, eq < 0 ? "" : part.substring(eq + 1));
        }
        return of(given);
    }

    /**
     * Builds a query from key/value pairs (the scheme's keys; null or blank values are left out).
     *
     * @throws IllegalArgumentException for an unknown key or a bad value, naming it
     */
    public static ZtfQuery of(Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!SERVER_PARAMS.containsKey(e.getKey()) && !Set.of("ra", "dec", "radius").contains(e.getKey())) {
                throw new IllegalArgumentException("unknown key '" + e.getKey() + "'; usage: " + USAGE);
            }
        }
        for (String key : KEYS) {
            String v = given.get(key);
            if (v != null && !v.isBlank()) {
                values.put(key, check(key, v.trim()));
            }
        }
        long cone = Set.of("ra", "dec", "radius").stream().filter(values::containsKey).count();
        if (cone != 0 && cone != 3) {
            throw new IllegalArgumentException("a sky cone needs all of ra, dec and radius (degrees); got "
                    + values.keySet().stream().filter(k -> Set.of("ra", "dec", "radius").contains(k)).toList());
        }
        return new ZtfQuery(values);
    }

    private static String check(String key, String v) {
        switch (key) {
            case "class":
                if (!CLASSES.contains(v.toUpperCase(Locale.ROOT))) {
                    throw bad(key, v, "one of SN_IA, SN_II, OTHER");
                }
                return v.toUpperCase(Locale.ROOT);
            case "status": {
                String s = v.toLowerCase(Locale.ROOT).replace("labeled", "labelled");
                if (!s.equals("labelled") && !s.equals("unlabelled")) {
                    throw bad(key, v, "labelled or unlabelled");
                }
                return s;
            }
            case "minprob":
                number(key, v, 0, 1, "a probability in 0..1");
                return v;
            case "ra":
                number(key, v, 0, 360, "decimal degrees in 0..360");
                return v;
            case "dec":
                number(key, v, -90, 90, "decimal degrees in -90..90");
                return v;
            case "radius":
                if (number(key, v, 0, 180, "decimal degrees in (0..180]") == 0) {
                    throw bad(key, v, "decimal degrees in (0..180]");
                }
                return v;
            case "limit":
                try {
                    long n = Long.parseLong(v);
                    if (n >= 0 && n <= 1_000_000) {
                        return Long.toString(n);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw bad(key, v, "an integer in 0..1000000");
            default: // label, dropped_by: the server knows the allowed values and names a bad one
                return v;
        }
    }

    private static double number(String key, String v, double min, double max, String allowed) {
        try {
            double d = Double.parseDouble(v);
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, v, allowed);
    }

    private static IllegalArgumentException bad(String key, String v, String allowed) {
        return new IllegalArgumentException(key + "='" + v + "' is not " + allowed);
    }

    /** The value given for a key, or null. */
    public String get(String key) {
        return values.get(key);
    }

    /** Whether a sky cone restricts the rows. */
    public boolean hasCone() {
        return values.containsKey("ra");
    }

    /** Cone centre RA, degrees; only with {@link #hasCone()}. */
    public double ra() {
        return Double.parseDouble(values.get("ra"));
    }

    /** Cone centre Dec, degrees; only with {@link #hasCone()}. */
    public double dec() {
        return Double.parseDouble(values.get("dec"));
    }

    /** Cone radius, degrees; only with {@link #hasCone()}. */
    public double radius() {
        return Double.parseDouble(values.get("radius"));
    }

    /** The row limit, or -1 when none was given. */
    public long limit() {
        return values.containsKey("limit") ? Long.parseLong(values.get("limit")) : -1;
    }

    /** The canonical scheme specification (keys in a fixed order), e.g. {@code class=SN_IA&minprob=0.9}. */
    public String specification() {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return s.toString();
    }

    /**
     * The {@code /api/objects} VOTable URL on a server (base URL, trailing slashes ignored). With a
     * cone the limit is not sent (the server cannot cut before the cone); {@link ZtfQueryLoader}
     * applies it.
     */
    public URI url(String server) {
        StringBuilder url = new StringBuilder(server.trim().replaceAll("/+$", "")).append("/api/objects?format=votable");
        values.forEach((k, v) -> {
            String param = SERVER_PARAMS.get(k);
            if (param != null && !(k.equals("limit") && hasCone())) {
                url.append('&').append(param).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return URI.create(url.toString());
    }

    /** Whether a position (degrees) lies in the cone; true when there is no cone. */
    public boolean inCone(double raDeg, double decDeg) {
        if (!hasCone()) {
            return true;
        }
        double d1 = Math.toRadians(dec());
        double d2 = Math.toRadians(decDeg);
        double dRa = Math.toRadians(raDeg - ra());
        double hav = Math.sin((d2 - d1) / 2) * Math.sin((d2 - d1) / 2)
                + Math.cos(d1) * Math.cos(d2) * Math.sin(dRa / 2) * Math.sin(dRa / 2);
        double dist = Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(hav))));
        return dist <= radius();
    }

    @Override
    public String toString() {
        return specification();
    }
}
