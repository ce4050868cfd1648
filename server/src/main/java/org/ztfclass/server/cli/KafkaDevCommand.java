package org.ztfclass.server.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ztfclass.server.stream.DevBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ztfclass kafka-dev [--port N]} (also {@code install/kafka-dev}): a single-node Kafka broker for development. */
@Command(name = "kafka-dev", mixinStandardHelpOptions = true,
        description = {"Run a single-node Kafka broker (KRaft, Maven Central's kafka_2.13) on 127.0.0.1 for development, demos "
                + "and tests: topics are created on first use, data lives in a temporary folder deleted when it stops. "
                + "Prints 'kafka-dev: bootstrap 127.0.0.1:PORT' when ready; Ctrl-C stops it.",
                "Exit status: 0 when stopped, 1 if it could not start."})
final class KafkaDevCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9092", description = "client port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--partitions", defaultValue = "1", description = "partitions of a topic created on first use (default: ${DEFAULT-VALUE})")
    int partitions;

    @Override
    public Integer call() throws Exception {
        DevBroker broker;
        try {
            broker = DevBroker.start(port, partitions);
        } catch (java.io.IOException | IllegalArgumentException e) {
            System.err.println("kafka-dev: " + e.getMessage());
            return 1;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.err.println("kafka-dev: stopping");
            broker.close();
        }, "kafka-dev-shutdown"));
        System.out.println("kafka-dev: bootstrap " + broker.bootstrap());
        System.out.flush();
        int status = broker.process().waitFor();
        if (!stopping.get()) {
            System.err.println("kafka-dev: the broker exited by itself with status " + status);
            return 1;
        }
        return 0;
    }
}
