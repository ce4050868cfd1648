package org.ztfclass.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ztfclass.votables.alert.AvroAlertReader;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.domain.Detection;

/** The shipped sample of real ZTF data, and facts about it computed independently of the store. */
public final class Samples {

    private Samples() {
    }

    /** @return {@code install/sample-data}, found from the module directory tests run in */
    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("install/sample-data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("install/sample-data not found");
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    /** @return every .avro file under the folder, sorted */
    public static List<Path> avroFiles(String relative) throws IOException {
        try (Stream<Path> s = Files.walk(path(relative))) {
            return s.filter(f -> f.toString().endsWith(".avro")).sorted().toList();
        }
    }

    /** @return every alert the reader gets from the files */
    public static List<Alert> readAlerts(List<Path> files) throws IOException {
        List<Alert> out = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                out.addAll(new AvroAlertReader().read(in, f.toString()).records());
            }
        }
        return out;
    }

    /** @return the distinct photometric points the alerts hold: object, band, second of exposure, kind */
    public static Set<String> distinctPoints(List<Alert> alerts, boolean upperLimits) {
        Set<String> keys = new HashSet<>();
        for (Alert a : alerts) {
            List<Detection> all = new ArrayList<>(a.history());
            all.add(a.candidate());
            for (Detection d : all) {
                if (d.isUpperLimit() == upperLimits) {
                    keys.add(d.objectId() + "|" + d.band() + "|" + Math.round(d.jd() * 86400));
                }
            }
        }
        return keys;
    }
}
