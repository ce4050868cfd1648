package org.ztfclass.server.cli;

import org.ztfclass.server.http.TrustedProxies;
import picocli.CommandLine.Option;

/**
 * {@code --port}, {@code --host} and {@code --trusted-proxy} of the commands that serve HTTP; each
 * defaults to an environment variable ({@code ZTFCLASS_PORT}, {@code ZTFCLASS_HOST},
 * {@code ZTFCLASS_TRUSTED_PROXY}) so a deployment sets them all in one environment file.
 */
final class ServerOptions {

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:ZTFCLASS_PORT:-7070}",
            description = "TCP port (default: ${DEFAULT-VALUE}, or $ZTFCLASS_PORT; 0 = any free port)")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${env:ZTFCLASS_HOST:-127.0.0.1}",
            description = "address to listen on (default: ${DEFAULT-VALUE}, or $ZTFCLASS_HOST; 0.0.0.0 for every interface)")
    String host;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS[/BITS][,...]", defaultValue = "${env:ZTFCLASS_TRUSTED_PROXY:-}",
            description = "reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For and X-Forwarded-Proto are believed, "
                    + "e.g. 127.0.0.1 for nginx on the same host (default: none, or $ZTFCLASS_TRUSTED_PROXY)")
    String trustedProxy;

    /** @return the trusted proxies given, none by default */
    TrustedProxies trustedProxies() {
        return TrustedProxies.parse(trustedProxy);
    }
}
