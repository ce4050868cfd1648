package org.ztfclass.server.cli;

import java.nio.file.Path;
import org.ztfclass.models.bundle.BundleException;
import org.ztfclass.models.bundle.ModelBundle;

/** Loads a model bundle for a command, telling the user what is wrong with it. */
final class Bundles {

    private Bundles() {
    }

    /** @return the bundle, or null after printing why it cannot be used */
    static ModelBundle loadOrExplain(Path dir) {
        try {
            return ModelBundle.load(dir);
        } catch (BundleException e) {
            System.err.println("model: " + e.getMessage());
            return null;
        }
    }
}
