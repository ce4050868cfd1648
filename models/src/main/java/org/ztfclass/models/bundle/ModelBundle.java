package org.ztfclass.models.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.features.NothingToRead;
import org.ztfclass.models.fusion.FusionClassifier;
import org.ztfclass.models.image.CnnClassifier;
import org.ztfclass.models.sequence.LstmClassifier;
import org.ztfclass.models.training.BranchOutputs;
import org.ztfclass.models.xgboost.XgbClassifier;
import org.ztfclass.votables.domain.Prediction;
import org.ztfclass.votables.domain.TransientClass;

/**
 * A trained model as one directory: {@code manifest.json} ({@link BundleManifest}) and the
 * weights of each branch: {@code xgboost.json} always; {@code lstm.zip}, {@code cnn.zip},
 * {@code fusion.zip} + {@code calibration.json} when the manifest lists them (a bundle without
 * them answers with XGBoost alone). Loading checks the layout version, the class map and that
 * every file the manifest names is there, and says which is wrong; it reads a few hundred kB,
 * nothing is trained. Inference is thread-safe: each branch serialises calls on its own model.
 */
public final class ModelBundle {

    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BundleManifest manifest;
    private final XgbClassifier xgboost;
    private final LstmClassifier lstm;
    private final CnnClassifier cnn;
    private final FusionClassifier fusion;

    /** A bundle of the XGBoost branch alone. */
    public ModelBundle(BundleManifest manifest, XgbClassifier xgboost) {
        this(manifest, xgboost, null, null, null);
    }

    /**
     * @param lstm   null if the bundle has no LSTM (masked for every object)
     * @param cnn    null if the bundle has no CNN
     * @param fusion null to answer with XGBoost alone
     */
    public ModelBundle(BundleManifest manifest, XgbClassifier xgboost, LstmClassifier lstm, CnnClassifier cnn, FusionClassifier fusion) {
        this.manifest = manifest;
        this.xgboost = xgboost;
        this.lstm = lstm;
        this.cnn = cnn;
        this.fusion = fusion;
    }

    /** @return the bundle's files besides the manifest, for its manifest's {@code files} */
    public static List<String> files(boolean lstm, boolean cnn, boolean fusion) {
        List<String> f = new ArrayList<>(List.of(XgbClassifier.FILE));
        if (lstm) {
            f.add(LstmClassifier.FILE);
        }
        if (cnn) {
            f.add(CnnClassifier.FILE);
        }
        if (fusion) {
            f.add(FusionClassifier.FILE);
            f.add(FusionClassifier.CALIBRATION_FILE);
        }
        return f;
    }

    /** @return the provenance */
    public BundleManifest manifest() {
        return manifest;
    }

    /** Writes the bundle into {@code dir} (created if needed). */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        xgboost.save(dir.resolve(XgbClassifier.FILE));
        if (lstm != null) {
            lstm.save(dir.resolve(LstmClassifier.FILE));
        }
        if (cnn != null) {
            cnn.save(dir.resolve(CnnClassifier.FILE));
        }
        if (fusion != null) {
            fusion.save(dir);
        }
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
        if (!org.ztfclass.models.features.TabularFeatures.MODEL_INPUTS.equals(m.features())) {
            throw new BundleException(dir + ": the model was trained on " + (m.features() == null ? 0 : m.features().size())
                    + " tabular features that differ from this ztfclass's " + org.ztfclass.models.features.TabularFeatures.MODEL_INPUTS.size()
                    + "; retrain it (install/ztfclass train)");
        }
        for (String f : m.files()) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new BundleException(dir + ": the manifest names " + f + ", which is missing");
            }
        }
        if (!m.files().contains(XgbClassifier.FILE)) {
            throw new BundleException(dir + ": the manifest does not name " + XgbClassifier.FILE + ", which every bundle has");
        }
        if (m.files().contains(FusionClassifier.FILE) != m.files().contains(FusionClassifier.CALIBRATION_FILE)) {
            throw new BundleException(dir + ": the manifest names only one of " + FusionClassifier.FILE + " and "
                    + FusionClassifier.CALIBRATION_FILE + "; the fusion needs both");
        }
        try {
            XgbClassifier xgb = XgbClassifier.load(dir.resolve(XgbClassifier.FILE));
            LstmClassifier l = m.files().contains(LstmClassifier.FILE) ? LstmClassifier.load(dir.resolve(LstmClassifier.FILE)) : null;
            CnnClassifier c = m.files().contains(CnnClassifier.FILE) ? CnnClassifier.load(dir.resolve(CnnClassifier.FILE)) : null;
            FusionClassifier f = m.files().contains(FusionClassifier.FILE) ? FusionClassifier.load(dir) : null;
            return new ModelBundle(m, xgb, l, c, f);
        } catch (IOException e) {
            throw new BundleException(dir + ": " + e.getMessage());
        }
    }

    /** @return the XGBoost branch (thread-safe) */
    public XgbClassifier xgboost() {
        return xgboost;
    }

    /** @return the LSTM branch (thread-safe), null if the bundle has none */
    public LstmClassifier lstm() {
        return lstm;
    }

    /** @return the CNN branch (thread-safe), null if the bundle has none */
    public CnnClassifier cnn() {
        return cnn;
    }

    /** @return true if the bundle has an LSTM branch */
    public boolean hasLstm() {
        return lstm != null;
    }

    /** @return true if the bundle has a CNN branch */
    public boolean hasCnn() {
        return cnn != null;
    }

    /** @return true if the bundle has a fusion network (else its answer is XGBoost's) */
    public boolean hasFusion() {
        return fusion != null;
    }

    /**
     * Runs every branch and the fusion. A branch that cannot read an object (too few points,
     * unusable cutouts) is masked for it; the object is still classified.
     */
    public BranchOutputs outputs(List<ObjectData> objects) {
        double[][] x = xgboost.predict(objects);
        double[][] l = finiteOrMasked(lstm == null ? new double[objects.size()][] : lstm.predict(objects));
        double[][] c = finiteOrMasked(cnn == null ? new double[objects.size()][] : cnn.predict(objects));
        for (int i = 0; i < x.length; i++) {
            if (!finite(x[i])) {
                x[i] = uniform(x[i].length);
            }
        }
        double[][] f = fusion == null ? x : fusion.predict(x, l, c);
        for (int i = 0; i < f.length; i++) {
            if (!finite(f[i])) {
                f[i] = x[i]; // never a NaN probability: fall back on XGBoost for this object
            }
        }
        return new BranchOutputs(x, l, c, f);
    }

    /** A branch row with a non-finite value (a degenerate input the network cannot read) is masked. */
    private static double[][] finiteOrMasked(double[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != null && !finite(rows[i])) {
                rows[i] = null;
            }
        }
        return rows;
    }

    private static boolean finite(double[] row) {
        for (double v : row) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double[] uniform(int k) {
        double[] u = new double[k];
        java.util.Arrays.fill(u, 1.0 / k);
        return u;
    }

    /** @return which answer this bundle serves (recorded in its manifest) */
    public org.ztfclass.models.training.ServingChoice serving() {
        return org.ztfclass.models.training.ServingChoice.fromParameters(manifest.parameters());
    }

    /**
     * @return class probabilities per object, rows in {@link TransientClass} order: the served
     *         answer ({@link #serving()}: the fused, calibrated probabilities or the best branch);
     *         for an object that only the CNN can read (cutouts, but no usable detection and no
     *         catalogue summary: {@link NothingToRead#featuresReadable}), the CNN's answer, because
     *         the trees would answer from their default branches, which say nothing about it
     */
    public double[][] probabilities(List<ObjectData> objects) {
        if (objects.isEmpty()) {
            return new double[0][];
        }
        BranchOutputs b = outputs(objects);
        double[][] p = serving().pick(b).clone();
        for (int i = 0; i < p.length; i++) {
            if (b.cnn()[i] != null && !NothingToRead.featuresReadable(objects.get(i))) {
                p[i] = b.cnn()[i];
            }
        }
        return p;
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
