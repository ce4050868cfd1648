package org.ztfclass.server.funnel;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.ztfclass.server.store.ObjectFacts;
import org.ztfclass.votables.input.BadInputException;

/**
 * The funnel's configuration: a Java properties file naming the stages in order and their
 * thresholds. The shipped defaults ({@code default-funnel.properties}, printed by
 * {@code ztfclass funnel --print-config}) say where each value comes from; a user's file
 * overrides any of them. {@link #stages()} checks everything before a run starts.
 */
public final class FunnelConfig {

    /** Every stage, in the default order. */
    public static final List<String> STAGES = List.of("galactic_plane", "bogus", "faint", "variability", "asteroids", "stars",
            "agn", "known_sources");

    private static final String DEFAULTS = "default-funnel.properties";

    private final Properties values;
    private final String text;
    private final Path baseDir;

    private FunnelConfig(Properties values, String text, Path baseDir) {
        this.values = values;
        this.text = text;
        this.baseDir = baseDir;
    }

    /** @return the shipped defaults, with their comments */
    public static String defaultsText() {
        try (InputStream in = FunnelConfig.class.getResourceAsStream(DEFAULTS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the defaults */
    public static FunnelConfig defaults() {
        try {
            return parse(defaultsText(), Path.of("."), "defaults");
        } catch (FunnelConfigException e) {
            throw new IllegalStateException("the shipped funnel defaults are broken: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a user's file over the defaults. Relative file names inside it are resolved against its folder.
     *
     * @throws FunnelConfigException if the file is missing or unreadable, or names an unknown key
     */
    public static FunnelConfig load(Path file) throws FunnelConfigException {
        if (!Files.isRegularFile(file)) {
            throw new FunnelConfigException("config file " + file + ": no such file");
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            return parse(Files.readString(file, StandardCharsets.UTF_8), dir, file.toString());
        } catch (IOException e) {
            throw new FunnelConfigException("config file " + file + ": cannot read: " + e.getMessage());
        }
    }

    /** Parses configuration text over the defaults. */
    public static FunnelConfig parse(String text, Path baseDir, String name) throws FunnelConfigException {
        Properties defaults = new Properties();
        Properties user = new Properties();
        try {
            defaults.load(new StringReader(defaultsText()));
            user.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new FunnelConfigException(name + ": not a properties file: " + e.getMessage());
        }
        for (String key : user.stringPropertyNames()) {
            if (!defaults.containsKey(key)) {
                throw new FunnelConfigException(name + ": unknown key '" + key + "' (known: " + new java.util.TreeSet<>(defaults.stringPropertyNames()) + ")");
            }
        }
        Properties merged = new Properties();
        merged.putAll(defaults);
        merged.putAll(user);
        StringBuilder effective = new StringBuilder();
        new java.util.TreeSet<>(merged.stringPropertyNames()).forEach(k -> effective.append(k).append(" = ").append(merged.getProperty(k).trim()).append('\n'));
        return new FunnelConfig(merged, effective.toString(), baseDir);
    }

    /** @return every effective key = value, sorted (recorded with each run) */
    public String effectiveText() {
        return text;
    }

    /**
     * Builds the stages, checking every value and reading the source lists.
     *
     * @throws FunnelConfigException naming the key at fault
     */
    public List<FunnelStage> stages() throws FunnelConfigException {
        List<FunnelStage> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : values.getProperty("stages", "").split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!STAGES.contains(name)) {
                throw new FunnelConfigException("stages: unknown stage '" + name + "' (known: " + String.join(", ", STAGES) + ")");
            }
            if (!seen.add(name)) {
                throw new FunnelConfigException("stages: '" + name + "' is listed twice");
            }
            out.add(stage(name));
        }
        return out;
    }

    private FunnelStage stage(String name) throws FunnelConfigException {
        switch (name) {
            case "galactic_plane":
                return new GalacticPlaneStage(number("galactic_plane.b_min_deg", 0, 90));
            case "bogus":
                return new BogusStage(number("bogus.min_score", 0, 1),
                        integer("bogus.min_good_detections", 0, ObjectFacts.MAX_SCORES));
            case "faint":
                return new FaintStage(number("faint.max_peak_mag", 0, 40));
            case "variability":
                return new VariabilityStage(number("variability.max_span_days", 0, 1e6), integer("variability.max_episodes", 1, 1000),
                        number("variability.max_prior_history_days", 0, 1e6));
            case "asteroids":
                return new AsteroidStage(number("asteroids.max_distance_arcsec", 0, 3600), number("asteroids.max_mag", 0, 40));
            case "stars":
                return new StarStage(number("stars.ps1_max_distance_arcsec", 0, 3600), number("stars.min_sgscore", 0, 1),
                        number("stars.gaia_max_distance_arcsec", 0, 3600), number("stars.gaia_max_mag", 0, 40));
            case "agn": {
                double radius = positive("agn.radius_arcsec");
                Path file = file("agn.catalogue");
                return new AgnStage(file == null ? null : file.getFileName().toString(), list("agn.catalogue", file), radius,
                        number("agn.nuclear_max_distnr_px", 0, 100), integer("agn.nuclear_min_episodes", 1, 1000));
            }
            case "known_sources": {
                double radius = positive("known_sources.radius_arcsec");
                Path file = file("known_sources.file");
                return new KnownSourcesStage(file == null ? null : file.getFileName().toString(), list("known_sources.file", file), radius);
            }
            default:
                throw new FunnelConfigException("stages: unknown stage '" + name + "'");
        }
    }

    private double number(String key, double min, double max) throws FunnelConfigException {
        String v = values.getProperty(key, "").trim();
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new FunnelConfigException(key + ": '" + v + "' is not a number");
        }
        if (!(d >= min && d <= max)) {
            throw new FunnelConfigException(key + ": " + v + " is outside " + min + ".." + max);
        }
        return d;
    }

    private double positive(String key) throws FunnelConfigException {
        double d = number(key, -Double.MAX_VALUE, Double.MAX_VALUE);
        if (!(d > 0)) {
            throw new FunnelConfigException(key + ": a radius must be > 0, got " + d);
        }
        return d;
    }

    private int integer(String key, int min, int max) throws FunnelConfigException {
        String v = values.getProperty(key, "").trim();
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new FunnelConfigException(key + ": " + v + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new FunnelConfigException(key + ": '" + v + "' is not an integer");
        }
    }

    private Path file(String key) {
        String v = values.getProperty(key, "").trim();
        return v.isEmpty() ? null : baseDir.resolve(v);
    }

    private static SourceList list(String key, Path file) throws FunnelConfigException {
        if (file == null) {
            return null;
        }
        try {
            return SourceList.read(file);
        } catch (BadInputException e) {
            throw new FunnelConfigException(key + ": " + e.getMessage());
        } catch (IOException e) {
            throw new FunnelConfigException(key + ": cannot read " + file + ": " + e.getMessage());
        }
    }
}
