package org.ztfclass.server.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process) for development,
 * demos and tests: Maven Central's {@code kafka_2.13} run as a child JVM over the classpath the
 * {@code kafka-dev} module copies to {@code kafka-dev/target/lib} (nothing of it is on the server's
 * classpath). Listens on loopback only; topics are created on first use with
 * {@code num.partitions} partitions, or explicitly with {@link #createTopic}. Its data lives in a
 * temporary folder that {@link #close()} deletes.
 *
 * <p>{@link #start} returns once the broker answers an admin request. {@link #close()} stops it
 * cleanly (it closes the child's standard input, which {@code org.ztfclass.kafkadev.BrokerMain}
 * watches), killing it only if it has not stopped within 30 s; if this JVM dies, even by kill -9,
 * the child sees its input close and stops too. Thread-safe.
 */
public final class DevBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevBroker.class);
    private static final long READY_TIMEOUT_SECONDS = 180;

    private final Process process;
    private final Path dataDir;
    private final String bootstrap;
    private final Path log;

    private DevBroker(Process process, Path dataDir, String bootstrap, Path log) {
        this.process = process;
        this.dataDir = dataDir;
        this.bootstrap = bootstrap;
        this.log = log;
    }

    /**
     * Starts a broker and waits until it is ready.
     *
     * @param port       the client port on 127.0.0.1; 0 picks a free one
     * @param partitions partitions of a topic created on first use (num.partitions)
     * @throws IOException if the broker classpath is missing, the port is taken, or the broker does not
     *                     become ready (the message quotes the end of its log)
     */
    public static DevBroker start(int port, int partitions) throws IOException {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        Path target = kafkaDevTarget();
        int clientPort = port == 0 ? freePort() : port;
        checkFree(clientPort);
        int controllerPort = freePort();
        Path dir = Files.createTempDirectory("ztfclass-kafka-dev-");
        Path config = dir.resolve("server.properties");
        Files.writeString(config, properties(clientPort, controllerPort, partitions, dir.resolve("data")), StandardCharsets.UTF_8);
        Path log = dir.resolve("broker.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", target.resolve("classes") + java.io.File.pathSeparator + target.resolve("lib") + java.io.File.separator + "*",
                "org.ztfclass.kafkadev.BrokerMain", config.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String bootstrap = "127.0.0.1:" + clientPort;
        DevBroker broker = new DevBroker(p, dir, bootstrap, log);
        try {
            broker.awaitReady();
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.info("kafka-dev broker ready at {} (data in {})", bootstrap, dir);
        return broker;
    }

    /** @return host:port for {@code bootstrap.servers} */
    public String bootstrap() {
        return bootstrap;
    }

    /** @return the broker's process (e.g. to wait for it) */
    public Process process() {
        return process;
    }

    /**
     * Creates a topic if it does not exist, and waits until every partition has a leader (so a producer's
     * first messages are not refused with NOT_LEADER_OR_FOLLOWER).
     *
     * @throws IOException if the broker refuses it
     */
    public void createTopic(String topic, int partitions) throws IOException {
        try (Admin admin = admin(bootstrap)) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                try {
                    var description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
                    if (description.partitions().size() == partitions
                            && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                        return;
                    }
                } catch (ExecutionException e) {
                    // not known yet to the broker's metadata cache
                }
                Thread.sleep(100);
            }
            throw new IOException("topic " + topic + " on " + bootstrap + " has partitions without a leader after 60 s");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot create topic " + topic + " on " + bootstrap + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating topic " + topic, e);
        }
    }

    /** Stops the broker (cleanly if it can within 30 s) and deletes its data. */
    @Override
    public void close() {
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.close();
        } catch (IOException e) {
            // already closed
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                LOG.warn("kafka-dev broker did not stop within 30 s, killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(dataDir);
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the kafka-dev broker exited with status " + process.exitValue() + " before it was ready; "
                        + "its log ends with:\n" + tail());
            }
            if (!listening()) {
                last = "port not open yet";
                pause();
                continue;
            }
            try (Admin admin = admin(bootstrap)) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the broker", e);
            }
            pause();
        }
        throw new IOException("the kafka-dev broker at " + bootstrap + " was not ready after " + READY_TIMEOUT_SECONDS + " s ("
                + last + "); its log ends with:\n" + tail());
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the broker", e);
        }
    }

    /** @return whether the client port accepts connections (before that, an admin client only logs warnings) */
    private boolean listening() {
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    static String properties(int clientPort, int controllerPort, int partitions, Path data) {
        return String.join("\n",
                "# written by ztfclass DevBroker: one node, broker and KRaft controller, loopback only",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + clientPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "log.dirs=" + data.toAbsolutePath(),
                "num.partitions=" + partitions,
                "auto.create.topics.enable=true",
                "message.max.bytes=10485760",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    /**
     * @return {@code kafka-dev/target} of this checkout: from {@code -Dztfclass.home} (the launcher sets it), else
     *         found upwards from the working directory (tests run in a module folder)
     */
    static Path kafkaDevTarget() throws IOException {
        List<Path> tried = new ArrayList<>();
        String home = System.getProperty("ztfclass.home");
        if (home != null) {
            tried.add(Path.of(home, "kafka-dev", "target"));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            tried.add(p.resolve("kafka-dev").resolve("target"));
        }
        for (Path t : tried) {
            if (Files.isDirectory(t.resolve("lib")) && Files.isDirectory(t.resolve("classes"))) {
                return t;
            }
        }
        throw new IOException("the Kafka broker's classpath (kafka-dev/target/lib and kafka-dev/target/classes) is missing: "
                + "build it with 'mvn -pl kafka-dev package' (or any full build); looked in " + tried);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void checkFree(int port) throws IOException {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            throw new IOException("port " + port + " on 127.0.0.1 is taken (" + e.getMessage() + "): choose another with --port", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
