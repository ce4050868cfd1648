package org.ztfclass.plugin.samp;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.ztfclass.plugin.server.ServerClient;

/**
 * {@code install/ztfclass samp --server URL [--token T] [--hub] [--radius ARCSEC]}: run the SAMP
 * bridge until stopped.
 */
public final class SampMain {

    private SampMain() {
    }

    public static void main(String[] args) throws Exception {
        String server = "http://localhost:7070";
        String token = System.getenv("ZTFCLASS_TOKEN");
        boolean hub = false;
        double radius = 1.5;
        boolean openPages = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = value(args, ++i, "--server");
                case "--token" -> token = value(args, ++i, "--token");
                case "--hub" -> hub = true;
                case "--open-pages" -> openPages = true;
                case "--radius" -> radius = Double.parseDouble(value(args, ++i, "--radius"));
                case "-h", "--help" -> {
                    System.out.println("usage: ztfclass samp [--server URL] [--token T] [--hub] [--radius ARCSEC] [--open-pages]\n"
                            + "  --server  the ztfclass server (default http://localhost:7070)\n"
                            + "  --token   your API token (or ZTFCLASS_TOKEN); needed to send labels (a label column in a table)\n"
                            + "  --hub     start a SAMP hub if none is running\n"
                            + "  --radius  match radius for rows given by position, arcsec (default 1.5)\n"
                            + "  --open-pages  also open an object's web page when its row is highlighted or selected");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (see --help)");
                    System.exit(2);
                }
            }
        }
        SampBridge bridge = new SampBridge(new ServerClient(URI.create(server), token),
                Path.of(System.getProperty("java.io.tmpdir"), "ztfclass-samp"), radius, openPages, SampBridge.NAME);
        bridge.start(hub, 5);
        System.out.println("ztfclass SAMP bridge for " + server + " " + (bridge.isConnected() ? "registered with the hub"
                : "waiting for a SAMP hub (start TOPCAT, or use --hub)") + "; Ctrl+C stops");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bridge.close();
            stop.countDown();
        }));
        stop.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
