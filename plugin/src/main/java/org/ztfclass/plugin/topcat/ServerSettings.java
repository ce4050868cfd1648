package org.ztfclass.plugin.topcat;

import java.net.URI;
import org.ztfclass.plugin.server.ServerClient;

/**
 * Where TOPCAT and STILTS find the ztfclass server: system properties {@code ztfclass.server}
 * (default {@code http://localhost:7070}) and {@code ztfclass.token}, e.g.
 * {@code topcat -Dztfclass.server=https://ztfclass.example.org -Dztfclass.token=...}.
 */
final class ServerSettings {

    static final String SERVER_PROPERTY = "ztfclass.server";
    static final String TOKEN_PROPERTY = "ztfclass.token";

    private ServerSettings() {
    }

    /** The server base URL ({@code ztfclass.server}, default {@code http://localhost:7070}). */
    static String server() {
        return System.getProperty(SERVER_PROPERTY, "http://localhost:7070");
    }

    /** The API token ({@code ztfclass.token}), or null. */
    static String token() {
        return System.getProperty(TOKEN_PROPERTY);
    }

    static ServerClient client() {
        return new ServerClient(URI.create(System.getProperty(SERVER_PROPERTY, "http://localhost:7070")),
                System.getProperty(TOKEN_PROPERTY));
    }
}
