package org.ztfclass.server.api;

import java.nio.file.Path;

/** Lets tests in other packages run the independent VOTable checks. */
public final class ApiTools {

    private ApiTools() {
    }

    /** @return STILTS votlint's report on the file */
    public static String votlint(Path file) throws Exception {
        return ExternalTools.votlint(file);
    }
}
