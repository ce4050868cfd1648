package org.ztfclass.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.stream.AlertReplay;
import org.ztfclass.server.stream.StreamSettings;
import org.ztfclass.votables.input.InputProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ztfclass stream-replay --bootstrap HOST:PORT --topic T FILES...}: publish alert files to a topic. */
@Command(name = "stream-replay", mixinStandardHelpOptions = true,
        description = {"Publish Avro alert packets to a Kafka topic as ZTF does: one message per packet, keyed by objectId, "
                + "in the order of the files (folders are walked for .avro files, sorted), to demonstrate 'stream' with real "
                + "alerts, e.g. install/ztfclass stream-replay --bootstrap 127.0.0.1:9092 --topic ztf_demo install/sample-data/alerts",
                "Exit status: 0 when the broker took every message, 1 if it refused one, 2 for unusable arguments."})
final class StreamReplayCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers")
    String bootstrap;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "the topic to publish to")
    String topic;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "N",
            description = "messages per second at most (default: as fast as the broker takes them)")
    double rate;

    @Option(names = "--producer-config", paramLabel = "FILE", description = "Java properties file of further Kafka producer settings")
    Path producerConfig;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "alert files or folders")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        List<InputProblem> problems = new ArrayList<>();
        List<Path> files = IngestService.files(paths, problems).stream()
                .filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".avro")).toList();
        for (InputProblem p : problems) {
            System.err.println("stream-replay: " + p);
        }
        if (files.isEmpty()) {
            System.err.println("stream-replay: no .avro file in " + paths);
            return 2;
        }
        Map<String, Object> extra = new HashMap<>();
        if (producerConfig != null) {
            java.util.Properties p = new java.util.Properties();
            try (var r = java.nio.file.Files.newBufferedReader(producerConfig)) {
                p.load(r);
            } catch (java.io.IOException e) {
                System.err.println("stream-replay: --producer-config " + producerConfig + ": cannot read: " + e.getMessage());
                return 2;
            }
            p.stringPropertyNames().forEach(k -> extra.put(k, p.getProperty(k)));
        }
        try (AlertReplay replay = new AlertReplay(bootstrap, extra)) {
            AlertReplay.Report r = replay.publish(topic, files, rate);
            System.out.printf("stream-replay: %,d messages from %,d files to %s at %s%s%n", r.messages(), r.files(), topic, bootstrap,
                    r.unreadableFiles() > 0 ? " (" + r.unreadableFiles() + " unreadable file(s) sent as they are)" : "");
            return 0;
        } catch (java.io.IOException e) {
            System.err.println("stream-replay: " + e.getMessage());
            return 1;
        }
    }
}
