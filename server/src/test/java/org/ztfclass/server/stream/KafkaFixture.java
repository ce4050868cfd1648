package org.ztfclass.server.stream;

import java.io.IOException;

/**
 * One real Kafka broker ({@link DevBroker}) for every stream test in the test JVM: started by the first
 * test that asks, stopped when the JVM exits (and, should the JVM be killed, by the broker itself when
 * its standard input closes). Tests keep apart by using their own topics and consumer groups.
 */
final class KafkaFixture {

    private static DevBroker broker;

    private KafkaFixture() {
    }

    static synchronized DevBroker broker() throws IOException {
        if (broker == null) {
            broker = DevBroker.start(0, 1);
            DevBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-fixture-stop"));
        }
        return broker;
    }
}
