package org.ztfclass.server.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.learning.ServingModel;
import org.ztfclass.server.stream.StreamConsumer;
import org.ztfclass.server.stream.StreamSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ztfclass stream --bootstrap HOST:PORT --topic T}: consume the live alert stream into the store. */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Consume ZTF alert packets from Kafka topics into the store, as 'ingest' stores them (re-delivered alerts "
                + "add nothing). Offsets are committed after the store transaction holding their alerts, so a killed consumer "
                + "restarted with the same --group ends with the same store. Several processes with one --group share the "
                + "partitions. Messages that are not usable alert packets are kept in the store's dead-letter table "
                + "(stream_dead_letters) with topic, partition, offset and reason. Stops on Ctrl-C after the batch in progress.",
                "Without --model, each batch is scored with the store's serving model version when its bundle folder is found "
                        + "(recorded by retrain, or a folder whose manifest names it: install/models/ztfclass-default, "
                        + "./ztfclass-demo-model); --no-model turns scoring off.",
                "Each batch's new and changed objects get the verdict of the newest 'funnel' run (judged with that run's "
                        + "recorded configuration; nothing before the first run).",
                "Exit status: 0 when stopped, 2 for unusable settings."})
final class StreamCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT[,HOST:PORT]", description = "Kafka bootstrap servers")
    String bootstrap;

    @Option(names = "--topic", required = true, split = ",", paramLabel = "TOPIC", description = "topics, comma-separated")
    List<String> topics;

    @Option(names = "--group", defaultValue = "ztfclass", description = "consumer group id (default: ${DEFAULT-VALUE})")
    String group;

    @Option(names = "--from", defaultValue = "earliest", paramLabel = "earliest|latest",
            description = "where a group without committed offsets starts (auto.offset.reset; default: ${DEFAULT-VALUE})")
    String from;

    @Option(names = "--consumer-config", paramLabel = "FILE",
            description = "Java properties file of further Kafka consumer settings, e.g. security.protocol=SASL_SSL, "
                    + "sasl.mechanism, sasl.jaas.config, ssl.truststore.location, max.poll.records")
    Path consumerConfig;

    @Option(names = "--model", paramLabel = "MODEL_DIR", description = "score each batch's new and changed objects with this model "
            + "bundle (default: the store's serving model version's bundle, when its folder can be found)")
    Path model;

    @Option(names = "--no-model", description = "do not score (leave it to a later score, retrain or demo)")
    boolean noModel;

    @Option(names = "--exit-when-caught-up", description = "stop once every assigned partition is read to its end")
    boolean exitWhenCaughtUp;

    @Option(names = "--pause-before-commit-ms", hidden = true, defaultValue = "0",
            description = "tests only: wait this long between a batch's store transaction and its offset commit")
    long pauseBeforeCommit;

    @Override
    public Integer call() throws Exception {
        StreamSettings settings;
        ModelBundle bundle = null;
        try {
            Map<String, String> extra = consumerConfig == null ? Map.of() : StreamSettings.readConsumerConfig(consumerConfig);
            settings = new StreamSettings(bootstrap, topics, group, from, extra, exitWhenCaughtUp, pauseBeforeCommit);
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("stream: " + e.getMessage());
            return 2;
        }
        if (model != null && noModel) {
            System.err.println("stream: give --model or --no-model, not both");
            return 2;
        }
        if (model != null) {
            bundle = Bundles.loadOrExplain(model);
            if (bundle == null) {
                return 2;
            }
        }
        Database db = Database.open(store.db);
        if (model == null && !noModel) {
            ServingBundle.Result serving = ServingBundle.locate(db, List.of(Home.root().resolve("install/models/ztfclass-default"),
                    Path.of("ztfclass-demo-model")));
            if (serving.dir() == null) {
                System.err.println("stream: not scoring yet: " + serving.why() + "; give --model DIR to score, else the first"
                        + " version promoted by retraining is picked up");
            } else {
                bundle = Bundles.loadOrExplain(serving.dir());
                if (bundle == null) {
                    return 2;
                }
                System.err.println("stream: scoring with the serving model version " + serving.version() + " (" + serving.dir() + ")");
            }
        }
        // --model: that bundle always; else follow the store's serving version (promotions by any process)
        ServingModel scoring = model != null || noModel ? ServingModel.fixed(bundle)
                : ServingModel.following(db, bundle, ServingModel.DEFAULT_CHECK_EVERY);
        StreamConsumer consumer = new StreamConsumer(settings, db, scoring);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            consumer.stop();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stream-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.err.println("stream: consuming " + String.join(",", topics) + " from " + bootstrap + " as group " + group
                + " into " + db.location() + " (Ctrl-C stops)");
        StreamConsumer.Totals t;
        try {
            t = consumer.run();
        } finally {
            done.countDown();
        }
        System.out.printf("stream: %,d messages in %,d batches, %,d alerts (%,d new), %,d dead letters%n",
                t.messages(), t.batches(), t.alerts(), t.alertsAdded(), t.deadLetters());
        System.out.println("store: " + db.location());
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        return 0;
    }
}
