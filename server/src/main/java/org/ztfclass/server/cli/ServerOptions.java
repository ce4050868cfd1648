package org.ztfclass.server.cli;

import picocli.CommandLine.Option;

/** {@code --port} and {@code --host} of the commands that serve HTTP. */
final class ServerOptions {

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;
}
