package org.ztfclass.models;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.votables.catalogue.BtsCatalogueReader;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.format.InputFormat;
import org.ztfclass.votables.lightcurve.LightCurveReader;

/** The real shipped data the model tests use: BTS rows and SN Ia light curves. */
public final class ModelSamples {

    private ModelSamples() {
    }

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("install/sample-data"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("install/sample-data not found");
        }
        return p.resolve("install/sample-data");
    }

    /** @return the BTS rows by object id */
    public static Map<String, CatalogueEntry> bts() throws IOException {
        Map<String, CatalogueEntry> out = new HashMap<>();
        try (Reader r = Files.newBufferedReader(root().resolve("catalogues/bts.csv"))) {
            new BtsCatalogueReader().read(r, "bts.csv").records().forEach(e -> out.put(e.objectId(), e));
        }
        return out;
    }

    /** @return the light curve in a shipped SN Ia file (light-curve CSV or ANTARES export) */
    public static List<Detection> lightCurve(Path file) throws IOException {
        LightCurveReader reader = InputFormat.detect(file).lightCurveReader();
        if (reader == null) {
            throw new IOException(file + " is not a light curve");
        }
        try (Reader r = Files.newBufferedReader(file)) {
            return reader.read(r, file.toString()).records();
        }
    }

    /**
     * @return the shipped SN Ia light-curve files, sorted by object: {@code lightcurves-snia/} and, for
     *         the objects removed from it because {@code antares-bts/} holds them, their ANTARES files
     */
    public static List<Path> lightCurveFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(root().resolve("lightcurves-snia"))) {
            s.forEach(files::add);
        }
        for (String line : Files.readAllLines(root().resolve("antares-bts/labels.csv"))) {
            String[] cells = line.split(",");
            if (cells[cells.length - 1].equals("1")) { // in_lightcurves_snia
                files.add(root().resolve("antares-bts/light-curves/" + cells[0] + ".csv"));
            }
        }
        files.sort(Comparator.comparing(f -> f.getFileName().toString()));
        return files;
    }
}
