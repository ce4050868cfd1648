package org.ztfclass.server.stream;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;

/**
 * kill -9 of a stream consumer process mid-way, then a restart in the same group: the store ends as a
 * file ingest of the same packets (no alert lost, none twice). The consumer runs as a child JVM
 * ({@code ztfclass stream}) that pauses between each batch's store transaction and its offset commit,
 * so the kill falls where at-least-once delivery matters: alerts stored, their offsets not committed.
 */
class KilledStreamTest {

    @TempDir
    Path tmp;

    /** Publishes the shipped alerts to a new 4-partition {@code topic}; @return a store of the same alerts by file ingest */
    private Path replayAndIngest(DevBroker broker, String topic) throws Exception {
        broker.createTopic(topic, 4);
        List<Path> files = Samples.avroFiles("alerts");
        try (AlertReplay replay = new AlertReplay(broker.bootstrap(), Map.of())) {
            replay.publish(topic, files, 0);
        }
        Path ingested = tmp.resolve("ingested.db");
        new IngestService(new StoreWriter(TestStores.open(ingested))).ingest(files, IngestProgress.SILENT);
        return ingested;
    }

    @Test
    void aConsumerKilledMidwayAndRestartedEndsWithTheFileIngestStore() throws Exception {
        DevBroker broker = KafkaFixture.broker();
        String topic = "killed-consumer";
        Path ingested = replayAndIngest(broker, topic);
        int total = count(ingested, "alerts");

        Path db = tmp.resolve("streamed.db");
        TestStores.open(db); // migrated before the child starts, so counting can begin at once
        Path config = tmp.resolve("consumer.properties");
        // small batches, and a killed member's partitions handed on after 6 s (the broker's minimum) rather than 45 s
        Files.writeString(config, "max.poll.records=3\nsession.timeout.ms=6000\nheartbeat.interval.ms=1000\n");
        Process p = consumer(broker, topic, db, config, "300", false);
        int atKill;
        try {
            int stored = 0;
            while (stored < 6 && p.isAlive()) {
                Thread.sleep(50);
                stored = count(db, "alerts");
            }
            assertTrue(p.isAlive(), "the consumer must still be running when killed");
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            atKill = count(db, "alerts");
        } finally {
            p.destroyForcibly();
        }
        assertTrue(atKill > 0 && atKill < total, "killed mid-way: " + atKill + " of " + total + " alerts stored");

        Process restart = consumer(broker, topic, db, config, "0", true);
        try {
            assertTrue(restart.waitFor(300, TimeUnit.SECONDS), "the restarted consumer catches up and exits");
            assertEquals(0, restart.exitValue());
        } finally {
            restart.destroyForcibly();
        }
        assertEquals(StoreSnapshot.of(ingested), StoreSnapshot.of(db));
    }

    @Test
    void twoConsumersShareFourPartitionsAndTheSurvivorTakesOverWhenOneIsKilled() throws Exception {
        DevBroker broker = KafkaFixture.broker();
        String topic = "two-consumers";
        Path ingested = replayAndIngest(broker, topic);
        int total = count(ingested, "alerts");

        Path db = tmp.resolve("shared.db");
        TestStores.open(db);
        Path config = tmp.resolve("consumer.properties");
        Files.writeString(config, "max.poll.records=3\nsession.timeout.ms=6000\nheartbeat.interval.ms=1000\n");
        Process a = consumer(broker, topic, "pair", db, tmp.resolve("a.log"), config, "500", false);
        Process b = consumer(broker, topic, "pair", db, tmp.resolve("b.log"), config, "500", false);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // a guard against hanging, not a timing assertion
            while (!(holdsTwo(tmp.resolve("a.log")) && holdsTwo(tmp.resolve("b.log"))) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(holdsTwo(tmp.resolve("a.log")) && holdsTwo(tmp.resolve("b.log")), "each consumer holds two of the four partitions");
            a.destroyForcibly(); // SIGKILL
            assertTrue(a.waitFor(30, TimeUnit.SECONDS));
            int atKill = count(db, "alerts");
            assertTrue(atKill < total, "killed mid-way: " + atKill + " of " + total + " alerts stored");
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (count(db, "alerts") < total && b.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(total, count(db, "alerts"), "the survivor took over the killed consumer's partitions");
            b.destroy(); // SIGTERM: stops after the batch in progress
            assertTrue(b.waitFor(60, TimeUnit.SECONDS));
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
        assertEquals(StoreSnapshot.of(ingested), StoreSnapshot.of(db));
    }

    /** @return whether the consumer's latest assignment (as it logs it) is two partitions */
    private static boolean holdsTwo(Path log) throws Exception {
        if (!Files.exists(log)) {
            return false;
        }
        String last = null;
        for (String line : Files.readAllLines(log)) {
            if (line.contains("partitions assigned, now holding")) {
                last = line;
            }
        }
        return last != null && last.substring(last.lastIndexOf('[')).split(",").length == 2;
    }

    private static Process consumer(DevBroker broker, String topic, Path db, Path config, String pauseMs, boolean exitWhenCaughtUp)
            throws Exception {
        return consumer(broker, topic, "killed", db, db.resolveSibling(db.getFileName() + ".log"), config, pauseMs, exitWhenCaughtUp);
    }

    private static Process consumer(DevBroker broker, String topic, String group, Path db, Path log, Path config, String pauseMs,
                                    boolean exitWhenCaughtUp) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.ztfclass.server.cli.Main", "stream",
                "--bootstrap", broker.bootstrap(), "--topic", topic, "--group", group, "--db", TestStores.location(db),
                "--consumer-config", config.toString(), "--pause-before-commit-ms", pauseMs));
        if (exitWhenCaughtUp) {
            cmd.add("--exit-when-caught-up");
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
    }

    private static int count(Path db, String table) throws Exception {
        try (org.ztfclass.server.store.Database store = TestStores.open(db); Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
