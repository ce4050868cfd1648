package org.ztfclass.server.store;

/**
 * Who ztfclass connects to PostgreSQL as, read the way libpq reads it: the user from
 * {@code PGUSER} (else the operating-system user), the password from {@code PGPASSWORD}; when
 * that is unset the password is left to the PostgreSQL JDBC driver, which reads the file named by
 * {@code PGPASSFILE} or {@code ~/.pgpass} (lines {@code host:port:database:user:password}).
 * Neither is ever taken from the command line.
 *
 * @param user     the user name
 * @param password the password, or null to let the driver find it in a {@code .pgpass} file
 */
record PostgresCredentials(String user, String password) {

    /** @return the credentials of this process's environment */
    static PostgresCredentials fromEnvironment() {
        String user = System.getenv("PGUSER");
        if (user == null || user.isBlank()) {
            user = System.getProperty("user.name");
        }
        String password = System.getenv("PGPASSWORD");
        return new PostgresCredentials(user, password == null || password.isEmpty() ? null : password);
    }

    @Override
    public String toString() {
        return "PostgresCredentials[user=" + user + ", password=" + (password == null ? "from .pgpass" : "***") + "]";
    }
}
