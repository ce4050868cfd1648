package org.ztfclass.server.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the store lives, as given to {@code --db}: a path to an SQLite file (the embedded
 * default), or {@code postgresql://HOST[:PORT]/DATABASE[?PARAMS]} for a shared PostgreSQL server.
 *
 * <p>A PostgreSQL location never carries credentials: they come from the standard libpq variables
 * {@code PGUSER} and {@code PGPASSWORD}, or from a {@code .pgpass} file ({@code PGPASSFILE} or
 * {@code ~/.pgpass}), so they never show in a process list or a shell history. A location written
 * with {@code user:password@} is refused with a message that says where they go.
 *
 * @param kind    which engine
 * @param file    the SQLite file (absolute, normalised); null for PostgreSQL
 * @param host    the PostgreSQL host; null for SQLite
 * @param port    the PostgreSQL port (5432 when not given); 0 for SQLite
 * @param database the PostgreSQL database name; null for SQLite
 * @param params  the PostgreSQL connection parameters after {@code ?} (e.g. {@code sslmode=require}),
 *                or "" ; "" for SQLite
 */
public record StoreLocation(Kind kind, Path file, String host, int port, String database, String params) {

    /** The store's engine. */
    public enum Kind { SQLITE, POSTGRESQL }

    /** The default PostgreSQL port. */
    public static final int DEFAULT_PORT = 5432;

    /**
     * Reads a {@code --db} value.
     *
     * @param text a file path or a {@code postgresql://} (also {@code postgres://}) address
     * @return the location
     * @throws IllegalArgumentException with a message for the user when a PostgreSQL address is
     *     malformed or carries credentials
     */
    public static StoreLocation parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--db is empty: give an SQLite file path or postgresql://HOST[:PORT]/DATABASE");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return postgres(text);
        }
        if (lower.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--db takes a file path or postgresql://HOST[:PORT]/DATABASE, not a JDBC URL: " + text);
        }
        return sqlite(Path.of(text));
    }

    /** @return the location of an SQLite file */
    public static StoreLocation sqlite(Path file) {
        return new StoreLocation(Kind.SQLITE, file.toAbsolutePath().normalize(), null, 0, null, "");
    }

    private static StoreLocation postgres(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--db " + text + " is not a valid address (" + e.getReason()
                    + "); expected postgresql://HOST[:PORT]/DATABASE");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--db must not carry a user name or password (they would show in the process list):"
                    + " set PGUSER and PGPASSWORD, or put them in ~/.pgpass (or the file named by PGPASSFILE),"
                    + " and give postgresql://HOST[:PORT]/DATABASE");
        }
        String host = uri.getHost();
        String path = uri.getPath();
        if (host == null || host.isBlank() || path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("--db " + text + ": expected postgresql://HOST[:PORT]/DATABASE");
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return new StoreLocation(Kind.POSTGRESQL, null, host, port, path.substring(1), query);
    }

    /** @return true for a PostgreSQL store */
    public boolean isPostgres() {
        return kind == Kind.POSTGRESQL;
    }

    /** @return the JDBC URL (no credentials) */
    public String jdbcUrl() {
        if (kind == Kind.SQLITE) {
            return "jdbc:sqlite:" + file;
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + database + (params.isEmpty() ? "" : "?" + params);
    }

    /** @return the location as the user would write it again ({@code --db} syntax) */
    @Override
    public String toString() {
        if (kind == Kind.SQLITE) {
            return file.toString();
        }
        return "postgresql://" + host + ":" + port + "/" + database + (params.isEmpty() ? "" : "?" + params);
    }
}
