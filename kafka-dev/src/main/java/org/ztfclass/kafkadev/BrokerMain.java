package org.ztfclass.kafkadev;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Runs one single-node KRaft Kafka broker (broker and controller in one process) from a
 * {@code server.properties} file: formats its {@code log.dirs} on first use (a new cluster id,
 * {@code --standalone}, as {@code kafka-storage.sh format} does), then runs {@code kafka.Kafka}
 * until the process is told to stop.
 *
 * <p>Contract with the parent process: the broker stops cleanly (Kafka's own shutdown hook) when
 * this process's standard input reaches end of file, which happens when the parent closes it or
 * dies, even by kill -9; so a broker never outlives the program that started it. Exit status 2
 * when formatting fails.
 *
 * <p>Usage: {@code java -cp kafka-dev/target/classes:kafka-dev/target/lib/* org.ztfclass.kafkadev.BrokerMain server.properties}
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BrokerMain SERVER_PROPERTIES");
            System.exit(2);
        }
        Path config = Path.of(args[0]);
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        String logDirs = props.getProperty("log.dirs");
        if (logDirs == null || logDirs.contains(",")) {
            System.err.println("BrokerMain: " + config + " must name exactly one log.dirs folder");
            System.exit(2);
        }
        if (!Files.exists(Path.of(logDirs, "meta.properties"))) {
            int status = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(),
                "--standalone"}, System.out);
            if (status != 0) {
                System.err.println("BrokerMain: formatting " + logDirs + " failed with status " + status);
                System.exit(2);
            }
        }
        Thread watchdog = new Thread(BrokerMain::exitWhenStdinCloses, "kafka-dev-stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Kafka.main(new String[] {config.toString()});
    }

    private static void exitWhenStdinCloses() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent writes nothing; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone as well
        }
        System.exit(0);
    }
}
