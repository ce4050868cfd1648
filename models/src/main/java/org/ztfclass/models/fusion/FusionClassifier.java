package org.ztfclass.models.fusion;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import org.ztfclass.models.neural.Network;

/**
 * The fusion network at inference: the branches' outputs ({@link FusionFeatures}) into one
 * probability per class, then temperature-scaled ({@link TemperatureScaling}). Thread-safe.
 */
public final class FusionClassifier {

    /** File name of the network inside a bundle. */
    public static final String FILE = "fusion.zip";
    /** File name of the calibration (the temperature) inside a bundle. */
    public static final String CALIBRATION_FILE = "calibration.json";

    private final Network network;
    private final double temperature;

    public FusionClassifier(Network network, double temperature) {
        this.network = network;
        this.temperature = temperature;
    }

    /** @return the calibration temperature */
    public double temperature() {
        return temperature;
    }

    /** Loads what {@link #save} wrote. */
    public static FusionClassifier load(Path dir) throws IOException {
        Path cal = dir.resolve(CALIBRATION_FILE);
        double t;
        try {
            t = new ObjectMapper().readTree(cal.toFile()).get("temperature").asDouble();
        } catch (IOException | RuntimeException e) {
            throw new IOException("unreadable calibration " + cal + ": " + e.getMessage(), e);
        }
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IOException(cal + ": temperature must be a positive number, got " + t);
        }
        return new FusionClassifier(Network.load(dir.resolve(FILE)), t);
    }

    /** Writes {@link #FILE} and {@link #CALIBRATION_FILE} into {@code dir}. */
    public void save(Path dir) throws IOException {
        network.save(dir.resolve(FILE));
        Files.writeString(dir.resolve(CALIBRATION_FILE),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("temperature", temperature)));
    }

    /** @return uncalibrated fused probabilities, one row per object (rows of lstm/cnn may be null = masked) */
    double[][] raw(double[][] xgb, double[][] lstm, double[][] cnn) {
        if (xgb.length == 0) {
            return new double[0][];
        }
        float[][] x = new float[xgb.length][];
        for (int i = 0; i < xgb.length; i++) {
            x[i] = FusionFeatures.of(xgb[i], lstm[i], cnn[i]);
        }
        return network.predict(Nd4j.create(x), null);
    }

    /** @return calibrated fused probabilities, one row per object */
    public double[][] predict(double[][] xgb, double[][] lstm, double[][] cnn) {
        double[][] p = raw(xgb, lstm, cnn);
        for (int i = 0; i < p.length; i++) {
            p[i] = TemperatureScaling.apply(p[i], temperature);
        }
        return p;
    }
}
