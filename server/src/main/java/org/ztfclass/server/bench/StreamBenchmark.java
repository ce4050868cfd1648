package org.ztfclass.server.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.stream.DevBroker;
import org.ztfclass.server.stream.MessageDecoder;
import org.ztfclass.server.stream.StreamConsumer;
import org.ztfclass.server.stream.StreamSettings;

/**
 * The live stream's speed, every figure from one run on a kafka-dev broker (issue 15):
 * <ol>
 * <li>reference: alerts/s of Avro decoding alone ({@link MessageDecoder}, the consumer's own decoder:
 *     Avro + cutout check) of the same N messages, in memory;</li>
 * <li>sustained alerts/s from a topic already holding the N messages into a fresh SQLite store through
 *     the real {@link StreamConsumer} (decode, one store transaction per poll with the summaries
 *     refreshed, the newest funnel run's verdict for the batch's objects, scoring if a model is given, offset
 *     commit), group join included, after a funnel run (on the empty store: its verdicts are then kept by the
 *     consumer) and a warm-up of up to {@value #WARM_UP_ALERTS} other alerts through the same path; with the CPU
 *     time it took (this JVM by thread, and the broker's);</li>
 * <li>the delay from publish to visible in the store (so in the API, which reads the same committed
 *     rows) at a steady publish rate, p50/p99/max, with the consumer running on the same store;</li>
 * <li>heap in use after a full GC every 10 s during that live phase: start, end, max.</li>
 * </ol>
 * Messages are {@link SyntheticPackets}: the shipped real packets with fresh objectIds and candids.
 * Nothing is asserted; the figures are printed with the machine's load average.
 */
public final class StreamBenchmark {

    /** ZTF's peak alert rate (~80,000 a minute), the goal of the sustained rate. */
    public static final double GOAL_ALERTS_PER_SECOND = 1_400;
    private static final long HEAP_SAMPLE_SECONDS = 10;
    /** Alerts consumed before the timed throughput phase, so that it measures compiled code, not the JIT at work. */
    private static final int WARM_UP_ALERTS = 3_000;
    /** Index of the first warm-up message: apart from the timed and live ones. */
    private static final long WARM_UP_FIRST = 1_000_000_000L;

    /**
     * What to run.
     *
     * @param alerts     messages in the topic for the throughput phase (and decoded for the reference)
     * @param minutes    length of the live phase
     * @param rate       messages a second published in the live phase
     * @param partitions partitions of each topic
     * @param model      scores each batch's objects with it, as {@code stream --model} does; null for none
     */
    public record Settings(int alerts, double minutes, double rate, int partitions, ModelBundle model) {
        public Settings {
            if (alerts < 1 || minutes <= 0 || rate <= 0 || partitions < 1) {
                throw new IllegalArgumentException("--alerts, --minutes, --rate and --partitions must be positive");
            }
        }
    }

    /** The figures of a run. Rates in alerts/s, delays in ms, heap in MB. */
    public record Figures(double decodeRate, double publishRate, double consumeRate, long consumedAlerts, long batches,
                          int livePublished, int liveVisible, double p50, double p99, double max,
                          double heapStart, double heapEnd, double heapMax, int heapSamples) {
    }

    private StreamBenchmark() {
    }

    /** Starts a kafka-dev broker, runs {@link #run(DevBroker, Path, Settings, PrintStream)} on it and stops it. */
    public static Figures run(Path realAlerts, Settings s, PrintStream out) throws Exception {
        out.printf("bench stream: starting a kafka-dev broker (%d partition(s) per topic)...%n", s.partitions());
        try (DevBroker broker = DevBroker.start(0, s.partitions())) {
            return run(broker, realAlerts, s, out);
        }
    }

    /** Runs every phase on {@code broker}, on topics and a consumer group of its own. */
    public static Figures run(DevBroker broker, Path realAlerts, Settings s, PrintStream out) throws Exception {
        SyntheticPackets packets = SyntheticPackets.load(realAlerts);
        String run = Long.toString(System.currentTimeMillis(), 36);
        out.printf("bench stream: %,d alerts, synthetic copies of the %d real packets in %s; broker %s; load average %.2f on %d cores%n",
                s.alerts(), packets.realPackets(), realAlerts, broker.bootstrap(), load(), cores());
        Path work = Files.createTempDirectory("ztfclass-bench-stream");
        try {
            double[] decode = decodeOnly(packets, s.alerts());
            double decodeRate = decode[0];
            out.printf("  decode only: %,.0f alerts/s; %,.0f alerts per CPU-second%n", decodeRate, decode[1]);

            String topic = "bench-throughput-" + run;
            broker.createTopic(topic, s.partitions());
            long t0 = System.nanoTime();
            long bytes = publishAll(broker.bootstrap(), topic, packets, 0, s.alerts());
            double publishRate = s.alerts() / IngestBenchmark.seconds(t0);
            out.printf("  published %,d messages (%,.0f MB) in %.1f s: %,.0f messages/s%n", s.alerts(), bytes / 1e6,
                    s.alerts() / publishRate, publishRate);

            Database db = Database.open(work.resolve("stream.db"));
            int warm = Math.min(WARM_UP_ALERTS, s.alerts());
            String warmTopic = "bench-warm-up-" + run;
            broker.createTopic(warmTopic, s.partitions());
            publishAll(broker.bootstrap(), warmTopic, packets, WARM_UP_FIRST, warm);
            // a live store has a funnel run: each batch (warm-up and timed) then gives its objects that run's verdict, as in use
            new org.ztfclass.server.funnel.FunnelRunner(new org.ztfclass.server.store.FunnelStore(db))
                    .run(org.ztfclass.server.funnel.FunnelConfig.defaults());
            new StreamConsumer(settings(broker, warmTopic, "bench-warm-up-" + run, true), db, s.model()).run();
            out.printf("  warm-up: %,d other alerts consumed into the store first (JIT), not timed; a funnel run (default "
                    + "configuration) before it: every batch's objects get its verdict%n", warm);
            long t1 = System.nanoTime();
            long cpu1 = processCpuNanos();
            Map<String, Long> threads1 = threadCpuNanos();
            long jit1 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            long gc1 = gcMillis();
            long brokerCpu1 = cpuNanos(broker.process());
            StreamConsumer timed = new StreamConsumer(settings(broker, topic, "bench-" + run, true), db, s.model());
            StreamConsumer.Totals t = timed.run();
            double consumeRate = t.alerts() / IngestBenchmark.seconds(t1);
            double consumerCpu = (processCpuNanos() - cpu1) / 1e9;
            double brokerCpu = (cpuNanos(broker.process()) - brokerCpu1) / 1e9;
            Map<String, Long> threads2 = threadCpuNanos();
            long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit1;
            long gc = gcMillis() - gc1;
            out.printf("  consumed %,d alerts (%,d new) in %,d batches (%.0f alerts/batch) in %.1f s: %,.0f alerts/s%n",
                    t.alerts(), t.alertsAdded(), t.batches(), t.alerts() / (double) Math.max(1, t.batches()), t.alerts() / consumeRate,
                    consumeRate);

            out.printf("  CPU in that phase: consumer JVM %.1f s (%.2f ms/alert, %.2f cores busy on average), broker %.1f s (%.2f ms/alert); "
                            + "this CPU cost, were it spread over %d idle cores, would allow %,.0f alerts/s%n",
                    consumerCpu, 1e3 * consumerCpu / t.alerts(), consumerCpu / (t.alerts() / consumeRate), brokerCpu,
                    1e3 * brokerCpu / t.alerts(), cores(), cores() * t.alerts() / (consumerCpu + brokerCpu));
            out.printf("  consumer JVM CPU by thread: %s (of which JIT compiling %.1f s, GC pauses %.1f s wall)%n",
                    byThread(threads1, threads2, timed.threadCpuNanos(), consumerCpu), jit / 1e3, gc / 1e3);
            Live live = live(broker, db, packets, s, run, out);
            Figures f = new Figures(decodeRate, publishRate, consumeRate, t.alerts(), t.batches(), live.published, live.visible,
                    VisibilityWatcher.percentile(live.delays, 50), VisibilityWatcher.percentile(live.delays, 99),
                    VisibilityWatcher.percentile(live.delays, 100), live.heap.startMb(), live.heap.endMb(), live.heap.maxMb(),
                    live.heap.count());
            print(f, s, out);
            return f;
        } finally {
            IngestBenchmark.deleteTree(work);
        }
    }

    private static void print(Figures f, Settings s, PrintStream out) {
        out.printf("reference  Avro decode alone (MessageDecoder: Avro + cutout check), same packets: %,10.0f alerts/s%n", f.decodeRate());
        out.printf("ztfclass   topic -> SQLite through the stream consumer%s: %,10.0f alerts/s  = %.2f x decode alone; "
                        + "goal >= %,.0f alerts/s: %s%n", s.model() == null ? " (no model)" : " (scored with the model)", f.consumeRate(),
                f.consumeRate() / f.decodeRate(), GOAL_ALERTS_PER_SECOND, f.consumeRate() >= GOAL_ALERTS_PER_SECOND ? "met" : "NOT met");
        out.printf("ztfclass   publish -> visible in the store/API at %,.0f alerts/s for %.1f min (%,d of %,d visible): "
                        + "p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms%n", s.rate(), s.minutes(), f.liveVisible(), f.livePublished(),
                f.p50(), f.p99(), f.max());
        out.printf("ztfclass   heap in use after GC over the live phase (%d samples, every %d s): start %.0f MB, end %.0f MB, max %.0f MB; "
                + "load average now %.2f on %d cores%n", f.heapSamples(), HEAP_SAMPLE_SECONDS, f.heapStart(), f.heapEnd(), f.heapMax(),
                load(), cores());
    }

    /**
     * @return alerts/s of decoding messages 0..n-1 (only the decoding timed; 200 untimed first to warm up), and alerts
     *         per second of this thread's CPU time
     */
    static double[] decodeOnly(SyntheticPackets packets, int n) {
        MessageDecoder decoder = new MessageDecoder();
        for (int i = 0; i < Math.min(200, n); i++) {
            decoder.decode(record(packets.message(i), i));
        }
        long nanos = 0;
        long cpu = 0;
        long alerts = 0;
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < n; i++) {
            ConsumerRecord<byte[], byte[]> r = record(packets.message(i), i);
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            alerts += decoder.decode(r).alerts().size();
            nanos += System.nanoTime() - t;
            cpu += threads.getCurrentThreadCpuTime() - c;
        }
        return new double[] {alerts / Math.max(1e-9, nanos / 1e9), alerts / Math.max(1e-9, cpu / 1e9)};
    }

    private static ConsumerRecord<byte[], byte[]> record(SyntheticPackets.Message m, long offset) {
        return new ConsumerRecord<>("bench", 0, offset, m.objectId().getBytes(StandardCharsets.UTF_8), m.value());
    }

    /** @return bytes published; waits until the broker has every message */
    private static long publishAll(String bootstrap, String topic, SyntheticPackets packets, long first, int n) throws IOException {
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> p = producer(bootstrap)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SyntheticPackets.Message m = packets.message(first + i);
                bytes += m.value().length;
                sent.add(p.send(new ProducerRecord<>(topic, m.objectId().getBytes(StandardCharsets.UTF_8), m.value())));
            }
            p.flush();
            for (Future<RecordMetadata> f : sent) {
                await(f, topic);
            }
        }
        return bytes;
    }

    private record Live(int published, int visible, double[] delays, HeapSamples heap) {
    }

    /** The live phase: a consumer on its own topic while messages are published at the set rate. */
    private static Live live(DevBroker broker, Database db, SyntheticPackets packets, Settings s, String run, PrintStream out)
            throws Exception {
        String topic = "bench-live-" + run;
        broker.createTopic(topic, s.partitions());
        int planned = (int) Math.max(1, Math.round(s.rate() * s.minutes() * 60));
        long first = s.alerts();
        HeapSamples heap = new HeapSamples();
        StreamConsumer consumer = new StreamConsumer(settings(broker, topic, "bench-live-" + run, false), db, s.model());
        Thread consuming = new Thread(consumer::run, "bench-stream-consumer");
        consuming.start();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-heap");
            t.setDaemon(true);
            return t;
        });
        // message `first` warms up: the consumer joins its group before the timed messages start
        try (KafkaProducer<byte[], byte[]> p = producer(broker.bootstrap());
             VisibilityWatcher watcher = new VisibilityWatcher(db, SyntheticPackets.candid(first), planned + 1, 10)) {
            SyntheticPackets.Message warm = packets.message(first);
            await(p.send(new ProducerRecord<>(topic, warm.objectId().getBytes(StandardCharsets.UTF_8), warm.value())), topic);
            awaitVisible(watcher, 1, 120);
            out.printf("  live: consumer ready; publishing %,d alerts at %,.0f/s for %.1f min%n", planned, s.rate(), s.minutes());
            heap.sample();
            sampler.scheduleAtFixedRate(heap::sample, HEAP_SAMPLE_SECONDS, HEAP_SAMPLE_SECONDS, TimeUnit.SECONDS);
            long start = System.nanoTime();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int k = 1; k <= planned; k++) {
                long due = start + (long) ((k - 1) / s.rate() * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                SyntheticPackets.Message m = packets.message(first + k);
                watcher.published(k, System.nanoTime());
                sent.add(p.send(new ProducerRecord<>(topic, m.objectId().getBytes(StandardCharsets.UTF_8), m.value())));
                if (sent.size() >= 1000) {
                    for (Future<RecordMetadata> f : sent) {
                        await(f, topic);
                    }
                    sent.clear();
                }
            }
            for (Future<RecordMetadata> f : sent) {
                await(f, topic);
            }
            awaitVisible(watcher, planned + 1, 120);
            sampler.shutdownNow();
            heap.sample();
            int visible = watcher.visible(planned + 1) - 1;
            double[] delays = watcher.delaysMillis(planned + 1);
            return new Live(planned, visible, delays, heap);
        } finally {
            sampler.shutdownNow();
            consumer.stop();
            consuming.join(60_000);
        }
    }

    private static void awaitVisible(VisibilityWatcher watcher, int n, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (watcher.visible(n) < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static StreamSettings settings(DevBroker broker, String topic, String group, boolean exitWhenCaughtUp) {
        return new StreamSettings(broker.bootstrap(), List.of(topic), group, "earliest", Map.of(), exitWhenCaughtUp, 0);
    }

    /**
     * @return a producer as {@code stream-replay}'s: acks=all, one request in flight (in order, and no
     *         OUT_OF_ORDER_SEQUENCE_NUMBER loop after a NOT_LEADER retry on a just-created topic)
     */
    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 10 * 1024 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    private static void await(Future<RecordMetadata> f, String topic) throws IOException {
        try {
            f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the broker did not take a message on " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing to " + topic, e);
        }
    }

    /** @return CPU time of each live Java thread, by a name that groups pools (digits dropped) */
    private static Map<String, Long> threadCpuNanos() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null) {
                long cpu = mx.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    out.put(info.getThreadName() + "#" + info.getThreadId(), cpu);
                }
            }
        }
        return out;
    }

    /**
     * @return "name 1.2 s, ..." of the CPU each thread group used between the two readings, plus threads that counted their
     *     own CPU before ending ({@code ended}), the rest as GC/JIT/VM
     */
    private static String byThread(Map<String, Long> before, Map<String, Long> after, Map<String, Long> ended, double totalSeconds) {
        Map<String, Double> groups = new java.util.TreeMap<>();
        // the consumer's own threads (writer, decoding pool) ended with its run: they counted their CPU themselves
        ended.forEach((k, v) -> groups.merge(k, v / 1e9, Double::sum));
        after.forEach((k, v) -> {
            String name = k.substring(0, k.lastIndexOf('#')).replaceAll("\\d+", "N");
            groups.merge(name, (v - before.getOrDefault(k, 0L)) / 1e9, Double::sum);
        });
        double java = groups.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder b = new StringBuilder();
        groups.entrySet().stream().filter(e -> e.getValue() >= 0.05).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> b.append(String.format("%s %.1f s, ", e.getKey(), e.getValue())));
        return b.append(String.format("GC/JIT/VM threads %.1f s", totalSeconds - java)).toString();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
    }

    /** @return CPU time of this JVM, every thread (GC and JIT included) */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** @return CPU time of a child process so far (0 if the OS does not tell) */
    private static long cpuNanos(Process p) {
        return p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
