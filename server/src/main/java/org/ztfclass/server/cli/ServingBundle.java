package org.ztfclass.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.learning.ModelVersions;
import org.ztfclass.server.store.Database;

/**
 * Finds the bundle folder of the store's serving model version, for a command given no {@code --model}:
 * the folder the store recorded for it (versions made by {@code retrain}), else the first of the
 * given candidate folders whose {@code manifest.json} names that version (versions written by
 * {@code score} or {@code demo} record no folder: e.g. the shipped {@code install/models/ztfclass-default}).
 * Only manifests are read; the caller loads the bundle. Stateless.
 */
final class ServingBundle {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was found: the folder and the version, or why there is none. */
    record Result(Path dir, String version, String why) {
    }

    private ServingBundle() {
    }

    /** @return the serving version's folder (dir non-null), or why none could be used (dir null, why set) */
    static Result locate(Database db, List<Path> candidates) throws SQLException {
        Optional<ModelVersions.Version> serving = new ModelVersions(db).serving();
        if (serving.isEmpty()) {
            return new Result(null, null, "the store has no serving model version");
        }
        String version = serving.get().version();
        List<Path> tried = new ArrayList<>();
        if (serving.get().bundlePath() != null) {
            tried.add(Path.of(serving.get().bundlePath()));
        }
        tried.addAll(candidates);
        for (Path dir : tried) {
            if (version.equals(manifestVersion(dir))) {
                return new Result(dir, version, null);
            }
        }
        return new Result(null, version, "no bundle folder of the serving version " + version + " found (looked in " + tried + ")");
    }

    /** @return the version the folder's manifest names, null if it has no readable manifest */
    private static String manifestVersion(Path dir) {
        Path manifest = dir.resolve(ModelBundle.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        try {
            return JSON.readTree(manifest.toFile()).path("version").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
