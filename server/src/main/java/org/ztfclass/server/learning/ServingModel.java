package org.ztfclass.server.learning;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.models.bundle.BundleException;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.store.Database;

/**
 * The model bundle a long-running process scores with, following the store's serving version:
 * a promotion or a rollback made by any process on the store (recorded in {@code model_versions})
 * is picked up by every other within {@link #DEFAULT_CHECK_EVERY}, by loading the new serving
 * version's bundle from the folder the store records for it ({@code bundle_path}; on several
 * hosts that folder must be on storage every process reads: {@code $ZTFCLASS_MODELS}).
 *
 * <p>{@link #current()} checks the store at most once per period, on the caller's thread. When
 * the new version's bundle cannot be loaded here (no folder recorded, folder not readable on this
 * host), it says so once in the log and keeps scoring with the bundle it has. A {@link #fixed}
 * model never changes (the operator chose the bundle). Thread-safe.
 */
public final class ServingModel {

    private static final Logger LOG = LoggerFactory.getLogger(ServingModel.class);

    /** How often {@link #current()} looks at the store's serving version by default. */
    public static final Duration DEFAULT_CHECK_EVERY = Duration.ofSeconds(5);

    private final ModelVersions versions;
    private final long checkEveryMillis;
    private final Clock clock;
    private ModelBundle bundle;
    private String refused;
    private long nextCheck;

    private ServingModel(ModelVersions versions, ModelBundle bundle, Duration checkEvery, Clock clock) {
        this.versions = versions;
        this.bundle = bundle;
        this.checkEveryMillis = checkEvery == null ? 0 : checkEvery.toMillis();
        this.clock = clock;
    }

    /** @return a model that is always {@code bundle} (null: no scoring) */
    public static ServingModel fixed(ModelBundle bundle) {
        return new ServingModel(null, bundle, null, Clock.systemUTC());
    }

    /**
     * @param initial the serving version's bundle as loaded at start (null: none yet; the first
     *                promotion brings one)
     * @return a model that follows the serving version of {@code db}, checking every {@code checkEvery}
     */
    public static ServingModel following(Database db, ModelBundle initial, Duration checkEvery) {
        return following(db, initial, checkEvery, Clock.systemUTC());
    }

    static ServingModel following(Database db, ModelBundle initial, Duration checkEvery, Clock clock) {
        return new ServingModel(new ModelVersions(db), initial, checkEvery, clock);
    }

    /** @return the bundle to score with now (null: none), the serving version's once it could be loaded */
    public synchronized ModelBundle current() {
        if (versions == null || clock.millis() < nextCheck) {
            return bundle;
        }
        nextCheck = clock.millis() + checkEveryMillis;
        String version = null;
        try {
            Optional<ModelVersions.Version> serving = versions.serving();
            if (serving.isEmpty()) {
                return bundle;
            }
            version = serving.get().version();
            if ((bundle != null && version.equals(bundle.manifest().version())) || version.equals(refused)) {
                return bundle;
            }
            if (serving.get().bundlePath() == null) {
                throw new BundleException("the store records no bundle folder for it");
            }
            ModelBundle next = ModelBundle.load(Path.of(serving.get().bundlePath()));
            if (!version.equals(next.manifest().version())) {
                throw new BundleException(serving.get().bundlePath() + " holds version " + next.manifest().version());
            }
            LOG.info("serving model version changed to {} ({}): scoring with it from now on", version, serving.get().bundlePath());
            bundle = next;
            refused = null;
        } catch (SQLException | BundleException | RuntimeException e) {
            if (version != null) {
                refused = version;
            }
            LOG.warn("cannot follow the serving model version {}: {}; still scoring with {}", version, e.getMessage(),
                    bundle == null ? "no model" : bundle.manifest().version());
        }
        return bundle;
    }
}
