package org.ztfclass.server.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.http.TrustedProxies;
import org.ztfclass.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ztfclass serve}: serve an existing (or new, empty) store over HTTP until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the store over HTTP (API, VOTables, web pages).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        Database db = Database.open(store.db);
        ServeCommand.serveUntilStopped(db, server);
        return 0;
    }

    static void serveUntilStopped(Database db, ServerOptions options) throws InterruptedException {
        serveUntilStopped(db, options, null);
    }

    /** @param modelDir the serving model's bundle folder, for the model page's full report; null if unknown */
    static void serveUntilStopped(Database db, ServerOptions options, java.nio.file.Path modelDir) throws InterruptedException {
        TrustedProxies proxies;
        try {
            proxies = options.trustedProxies();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new ServeCommand()), "--trusted-proxy: " + e.getMessage());
        }
        ApiServer api;
        try {
            api = new ApiServer(db, proxies).start(options.host, options.port);
            if (modelDir != null) {
                api.modelBundle(modelDir);
            }
        } catch (RuntimeException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new ServeCommand()),
                    "cannot listen on " + options.host + ":" + options.port + " (" + rootMessage(e)
                            + "); is another server using it? Choose another with --port N");
        }
        String shown = options.host.equals("0.0.0.0") || options.host.equals("127.0.0.1") ? "localhost" : options.host;
        System.out.println("ztfclass serving http://" + shown + ":" + api.port() + "  (store: " + db.location()
                + (proxies.isEmpty() ? "" : "; trusted proxies: " + proxies) + "; Ctrl+C stops)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.stop();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
