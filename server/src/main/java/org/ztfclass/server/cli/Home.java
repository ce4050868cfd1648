package org.ztfclass.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the ztfclass checkout is: the launcher passes it as the system property {@code ztfclass.home}. */
final class Home {

    private Home() {
    }

    /** @return the checkout root: {@code ztfclass.home}, else the first folder up from here holding {@code install/sample-data} */
    static Path root() {
        String home = System.getProperty("ztfclass.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("install/sample-data"))) {
                return p;
            }
            p = p.getParent();
        }
        return Path.of("").toAbsolutePath();
    }

    /** @return the shipped sample of real ZTF data */
    static Path sampleData() {
        return root().resolve("install/sample-data");
    }
}
