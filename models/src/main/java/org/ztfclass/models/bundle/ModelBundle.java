package org.ztfclass.models.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.xgboost.XgbClassifier;
import org.ztfclass.votables.domain.Prediction;
import org.ztfclass.votables.domain.TransientClass;

/**
 * A trained model as one directory: {@code manifest.json} ({@link BundleManifest}) and the
 * weights of each branch. Loading checks the layout version, the class map and that every file
 * the manifest names is there, and says which is wrong. Inference is thread-safe.
 */
public final class ModelBundle {

    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BundleManifest manifest;
    private final XgbClassifier xgboost;

    public ModelBundle(BundleManifest manifest, XgbClassifier xgboost) {
        this.manifest = manifest;
        this.xgboost = xgboost;
    }

    /** @return the provenance */
    public BundleManifest manifest() {
        return manifest;
    }

    /** Writes the bundle into {@code dir} (created if needed). */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        xgboost.save(dir.resolve(XgbClassifier.FILE));
        JSON.writeValue(dir.resolve(MANIFEST).toFile(), manifest);
    }

    /**
     * @throws BundleException naming the directory and what is missing or of another version
     */
    public static ModelBundle load(Path dir) throws BundleException {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isDirectory(dir)) {
            throw new BundleException(dir + ": not a model directory");
        }
        if (!Files.isRegularFile(manifestFile)) {
            throw new BundleException(dir + ": no " + MANIFEST + " (not a ztfclass model bundle)");
        }
        BundleManifest m;
        try {
            m = JSON.readValue(manifestFile.toFile(), BundleManifest.class);
        } catch (IOException e) {
            throw new BundleException(manifestFile + ": unreadable manifest: " + e.getMessage());
        }
        if (!BundleManifest.FORMAT.equals(m.format())) {
            throw new BundleException(dir + ": bundle format '" + m.format() + "', this ztfclass reads '" + BundleManifest.FORMAT + "'");
        }
        List<String> expectedClasses = new ArrayList<>();
        for (TransientClass c : TransientClass.values()) {
            expectedClasses.add(c.name());
        }
        if (!expectedClasses.equals(m.classes())) {
            throw new BundleException(dir + ": classes " + m.classes() + " differ from " + expectedClasses);
        }
        for (String f : m.files()) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new BundleException(dir + ": the manifest names " + f + ", which is missing");
            }
        }
        try {
            return new ModelBundle(m, XgbClassifier.load(dir.resolve(XgbClassifier.FILE)));
        } catch (IOException e) {
            throw new BundleException(dir + ": " + e.getMessage());
        }
    }

    /** @return class probabilities per object, rows in {@link TransientClass} order */
    public double[][] probabilities(List<ObjectData> objects) {
        return xgboost.predict(objects);
    }

    /** @return one prediction per object, in input order */
    public List<Prediction> predict(List<ObjectData> objects) {
        double[][] p = probabilities(objects);
        List<Prediction> out = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            out.add(new Prediction(objects.get(i).objectId(), manifest.version(), p[i][0], p[i][1], p[i][2]));
        }
        return out;
    }
}
