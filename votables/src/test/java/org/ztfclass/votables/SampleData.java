package org.ztfclass.votables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates the real ZTF sample data the project ships in {@code install/sample-data}. */
public final class SampleData {

    private SampleData() {
    }

    /** @return {@code install/sample-data}, found from the module directory Maven runs tests in */
    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("install/sample-data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("install/sample-data not found above " + Path.of("").toAbsolutePath());
    }

    /** @return a file or folder under the sample root */
    public static Path path(String relative) {
        return root().resolve(relative);
    }

    /** @return every regular file under {@code relative} whose name ends with {@code suffix}, sorted */
    public static List<Path> files(String relative, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(path(relative))) {
            return s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(suffix)).sorted()
                    .collect(Collectors.toList());
        }
    }
}
