package org.ztfclass.server.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.ztfclass.server.auth.AccountException;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.Secrets;
import org.ztfclass.server.auth.TokenStore;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ztfclass user add|list|token|password}: web accounts from the command line, e.g. the
 * first admin of a server started with {@code serve}, or a new password for a locked-out one.
 * Passwords are read from standard input ({@code --password-stdin}) or generated and printed
 * once; never taken as an argument. A new password ends the user's sessions and revokes their API
 * tokens; a token expires after {@code --days} (90 by default, at most 365).
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage web accounts (the first admin of a server, API tokens).",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Token.class, UserCommand.Password.class})
final class UserCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a user; prints a generated password unless --password-stdin.")
    static final class Add implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "NAME", description = "user name (2-64 letters, digits, . _ - @)")
        String name;

        @Option(names = "--role", defaultValue = "labeller", description = "viewer, labeller or admin (default: ${DEFAULT-VALUE})")
        String role;

        @Option(names = "--password-stdin", description = "read the password (at least 10 characters) from the first line of standard input")
        boolean passwordStdin;

        @Override
        public Integer call() throws Exception {
            String password = passwordStdin
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                    : Secrets.random(12);
            try {
                User u = new UserStore(Database.open(store.db)).create(name, Role.parse(role), password);
                System.out.println("created user " + u.name() + " (" + u.role().dbName() + ")" + (passwordStdin ? "" : "; password: " + password));
                return 0;
            } catch (AccountException | IllegalArgumentException e) {
                System.err.println("ztfclass user add: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Override
        public Integer call() throws Exception {
            for (User u : new UserStore(Database.open(store.db)).all()) {
                System.out.printf("%-24s %-9s %s%n", u.name(), u.role().dbName(), u.disabled() ? "disabled" : "active");
            }
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Create a personal API token for a user and print it (shown once).")
    static final class Token implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "NAME", description = "user name")
        String name;

        @Option(names = "--label", defaultValue = "command line", description = "what the token is for (default: ${DEFAULT-VALUE})")
        String label;

        @Option(names = "--days", defaultValue = "90", description = "days until the token expires, 1 to 365 (default: ${DEFAULT-VALUE})")
        long days;

        @Override
        public Integer call() throws Exception {
            java.time.Duration lifetime;
            try {
                lifetime = TokenStore.lifetimeOfDays(days);
            } catch (IllegalArgumentException e) {
                System.err.println("ztfclass user token: " + e.getMessage());
                return 2;
            }
            Database db = Database.open(store.db);
            User u = new UserStore(db).byName(name).orElse(null);
            if (u == null) {
                System.err.println("ztfclass user token: no user named '" + name + "'");
                return 2;
            }
            TokenStore.Created created = new TokenStore(db).create(u, label, lifetime);
            System.out.println(created.token());
            System.err.println("expires " + created.listing().expiresAt());
            return 0;
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Give a user a new password (generated and printed unless --password-stdin); ends their sessions and revokes their API tokens.")
    static final class Password implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "NAME", description = "user name")
        String name;

        @Option(names = "--password-stdin", description = "read the password (at least 10 characters) from the first line of standard input")
        boolean passwordStdin;

        @Override
        public Integer call() throws Exception {
            String password = passwordStdin
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                    : Secrets.random(12);
            UserStore users = new UserStore(Database.open(store.db));
            User u = users.byName(name).orElse(null);
            if (u == null) {
                System.err.println("ztfclass user password: no user named '" + name + "'");
                return 2;
            }
            try {
                int revoked = users.setPassword(u.id(), password);
                System.out.println("new password for " + u.name() + (passwordStdin ? "" : ": " + password) + "; sessions ended, "
                        + revoked + " API token(s) revoked");
                return 0;
            } catch (AccountException e) {
                System.err.println("ztfclass user password: " + e.getMessage());
                return 2;
            }
        }
    }
}
