package org.ztfclass.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db PATH} option shared by every subcommand that touches the store. */
final class StoreOption {

    @Option(names = "--db", paramLabel = "PATH",
            description = "SQLite database file (created if missing; default: ${DEFAULT-VALUE})",
            defaultValue = "${env:ZTFCLASS_DB:-ztfclass.db}")
    Path db;
}
