package org.ztfclass.server.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --db} option shared by every subcommand that touches the store: an SQLite file path
 * (the embedded default) or {@code postgresql://HOST[:PORT]/DATABASE} (credentials from
 * {@code PGUSER}/{@code PGPASSWORD} or {@code ~/.pgpass}; see
 * {@link org.ztfclass.server.store.StoreLocation}).
 */
final class StoreOption {

    @Option(names = "--db", paramLabel = "PATH|postgresql://HOST[:PORT]/DB",
            description = "the store: an SQLite file (created if missing) or postgresql://HOST[:PORT]/DB, credentials from "
                    + "PGUSER/PGPASSWORD or ~/.pgpass (default: ${DEFAULT-VALUE})",
            defaultValue = "${env:ZTFCLASS_DB:-ztfclass.db}")
    String db;
}
