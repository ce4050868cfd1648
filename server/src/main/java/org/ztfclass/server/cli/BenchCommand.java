package org.ztfclass.server.cli;

import java.util.concurrent.Callable;
import org.ztfclass.server.bench.FunnelBenchmark;
import org.ztfclass.server.bench.IngestBenchmark;
import org.ztfclass.server.bench.VotableBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ztfclass bench ingest|votable}: speed figures printed next to a reference measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (each prints its figure beside a reference).",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Votable.class, BenchCommand.Funnel.class, BenchCommand.Classifier.class,
                BenchCommand.Crossmatch.class, BenchCommand.Web.class, BenchCommand.Stream.class,
                BenchCommand.Load.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Alerts/s ingested into a fresh SQLite store vs alerts/s only decoded.")
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--alerts", defaultValue = "2000", description = "synthetic packets to ingest (default: ${DEFAULT-VALUE})")
        int alerts;

        @Option(names = "--rounds", defaultValue = "5", description = "repetitions, best reported (default: ${DEFAULT-VALUE})")
        int rounds;

        @Override
        public Integer call() throws Exception {
            IngestBenchmark.run(Home.sampleData().resolve("alerts"), alerts, rounds, System.out);
            return 0;
        }
    }

    @Command(name = "votable", mixinStandardHelpOptions = true,
            description = "VOTable rows/s of the objects export vs STIL writing the same rows from memory.")
    static final class Votable implements Callable<Integer> {
        @Option(names = "--rows", defaultValue = "100000", description = "objects in the table (default: ${DEFAULT-VALUE})")
        int rows;

        @Option(names = "--rounds", defaultValue = "5", description = "repetitions, best reported (default: ${DEFAULT-VALUE})")
        int rounds;

        @Override
        public Integer call() throws Exception {
            VotableBenchmark.run(Home.sampleData(), rows, rounds, System.out);
            return 0;
        }
    }

    @Command(name = "funnel", mixinStandardHelpOptions = true,
            description = "The funnel over N objects (sample + synthetic) vs a plain read of the same rows; then a re-run.")
    static final class Funnel implements Callable<Integer> {
        @Option(names = "--objects", defaultValue = "1500000", description = "objects in the store (default: ${DEFAULT-VALUE})")
        long objects;

        @Override
        public Integer call() throws Exception {
            FunnelBenchmark.run(Home.sampleData(), objects, System.out);
            return 0;
        }
    }

    @Command(name = "classifier", mixinStandardHelpOptions = true,
            description = "Inference objects/s per branch and fused on the shipped objects, projected to 250,000; training on 3,000 labels.")
    static final class Classifier implements Callable<Integer> {
        @Option(names = "--rounds", defaultValue = "3", description = "repetitions, best reported (default: ${DEFAULT-VALUE})")
        int rounds;

        @Override
        public Integer call() throws Exception {
            org.ztfclass.server.bench.ClassifierBenchmark.run(Home.sampleData(), rounds, System.out);
            return 0;
        }
    }

    @Command(name = "crossmatch", mixinStandardHelpOptions = true,
            description = "Cross-match lookups from the cache for N objects, objects/s, vs a plain read of the same rows.")
    static final class Crossmatch implements Callable<Integer> {
        @Option(names = "--objects", defaultValue = "10000", description = "objects with cached answers (default: ${DEFAULT-VALUE})")
        int objects;

        @Option(names = "--rounds", defaultValue = "3", description = "repetitions, best reported (default: ${DEFAULT-VALUE})")
        int rounds;

        @Override
        public Integer call() throws Exception {
            org.ztfclass.server.bench.CrossmatchBenchmark.run(Home.sampleData(), objects, rounds, System.out);
            return 0;
        }
    }

    @Command(name = "web", mixinStandardHelpOptions = true,
            description = "Object page and filtered list latency (p50/p99, concurrent clients) on N objects vs a static file.")
    static final class Web implements Callable<Integer> {
        @Option(names = "--objects", defaultValue = "250000", description = "objects in the store (default: ${DEFAULT-VALUE})")
        long objects;

        @Option(names = "--requests", defaultValue = "2000", description = "requests of each kind (default: ${DEFAULT-VALUE})")
        int requests;

        @Option(names = "--clients", defaultValue = "8", description = "concurrent clients (default: ${DEFAULT-VALUE})")
        int clients;

        @Override
        public Integer call() throws Exception {
            org.ztfclass.server.bench.WebBenchmark.run(Home.sampleData(), Home.sampleData().getParent().resolve("models/ztfclass-default"),
                    objects, requests, clients, System.out);
            return 0;
        }
    }

    @Command(name = "stream", mixinStandardHelpOptions = true,
            description = {"The live stream on a kafka-dev broker started for the run: Avro decode alone of N messages (reference), "
                    + "sustained alerts/s from a topic holding them into a fresh SQLite store through the stream consumer, then "
                    + "publish-to-visible delay (p50/p99) at a steady rate for M minutes with the heap after GC every 10 s.",
                    "Messages are the shipped packets with fresh objectIds (suffix _synthetic<k>) and candids."})
    static final class Stream implements Callable<Integer> {
        @Option(names = "--alerts", defaultValue = "10000", description = "messages for the throughput phase (default: ${DEFAULT-VALUE})")
        int alerts;

        @Option(names = "--minutes", defaultValue = "1", description = "length of the live phase; 10 for the issue's heap check "
                + "(default: ${DEFAULT-VALUE})")
        double minutes;

        @Option(names = "--rate", defaultValue = "100", description = "alerts/s published in the live phase (default: ${DEFAULT-VALUE})")
        double rate;

        @Option(names = "--partitions", defaultValue = "4", description = "partitions per topic (default: ${DEFAULT-VALUE})")
        int partitions;

        @Option(names = "--model", paramLabel = "MODEL_DIR", description = "score each batch's objects with this bundle, as stream --model does")
        java.nio.file.Path model;

        @Override
        public Integer call() throws Exception {
            org.ztfclass.models.bundle.ModelBundle bundle = null;
            if (model != null) {
                bundle = Bundles.loadOrExplain(model);
                if (bundle == null) {
                    return 2;
                }
            }
            org.ztfclass.server.bench.StreamBenchmark.run(Home.sampleData().resolve("alerts"),
                    new org.ztfclass.server.bench.StreamBenchmark.Settings(alerts, minutes, rate, partitions, bundle), System.out);
            return 0;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"A labelling campaign on SQLite and on PostgreSQL in the same run: L labellers (each a user with an API token) post "
                    + "label batches with an Idempotency-Key, R readers browse object pages, one retraining runs; then labels acknowledged "
                    + "vs stored (lost, duplicated) and p50/p99 of label POST and object page beside their goals (p99 < 200 ms, < 100 ms) "
                    + "and a static file as the reference.",
                    "The store is the shipped sample (as demo ingests it), scored with the shipped model."})
    static final class Load implements Callable<Integer> {
        @Option(names = "--minutes", defaultValue = "10", description = "length of the load on each engine (default: ${DEFAULT-VALUE})")
        double minutes;

        @Option(names = "--labellers", defaultValue = "100", description = "concurrent labellers (default: ${DEFAULT-VALUE})")
        int labellers;

        @Option(names = "--readers", defaultValue = "20", description = "concurrent readers of object pages (default: ${DEFAULT-VALUE})")
        int readers;

        @Option(names = "--db-engine", defaultValue = "both", paramLabel = "both|sqlite|postgresql",
                description = "which stores to load (default: ${DEFAULT-VALUE})")
        String engine;

        @Option(names = "--pg", paramLabel = "postgresql://HOST:PORT/DB", description = "an existing PostgreSQL database for the run "
                + "(credentials from PGUSER/PGPASSWORD or ~/.pgpass; the sample is ingested into it and the run's users and labels added); "
                + "default: a throwaway local cluster (initdb + postgres from /usr/lib/postgresql/*/bin)")
        String pg;

        @Option(names = "--no-retrain", description = "run no retraining job during the load")
        boolean noRetrain;

        @Override
        public Integer call() throws Exception {
            java.util.List<org.ztfclass.server.bench.LoadBenchmark.Engine> engines = switch (engine.toLowerCase(java.util.Locale.ROOT)) {
                case "both" -> java.util.List.of(org.ztfclass.server.bench.LoadBenchmark.Engine.SQLITE,
                        org.ztfclass.server.bench.LoadBenchmark.Engine.POSTGRESQL);
                case "sqlite" -> java.util.List.of(org.ztfclass.server.bench.LoadBenchmark.Engine.SQLITE);
                case "postgresql", "postgres" -> java.util.List.of(org.ztfclass.server.bench.LoadBenchmark.Engine.POSTGRESQL);
                default -> null;
            };
            if (engines == null) {
                System.err.println("--db-engine takes both, sqlite or postgresql, not '" + engine + "'");
                return 2;
            }
            if (pg != null) {
                org.ztfclass.server.store.StoreLocation at = org.ztfclass.server.store.StoreLocation.parse(pg);
                if (!at.isPostgres()) {
                    System.err.println("--pg takes postgresql://HOST:PORT/DB, not '" + pg + "'");
                    return 2;
                }
            } else if (engines.contains(org.ztfclass.server.bench.LoadBenchmark.Engine.POSTGRESQL)
                    && !org.ztfclass.server.bench.LocalPostgres.available()) {
                System.err.println("no PostgreSQL here to start a throwaway cluster: install postgresql (initdb, postgres), "
                        + "give --pg postgresql://HOST:PORT/DB, or --db-engine sqlite");
                return 2;
            }
            java.nio.file.Path sample = Home.sampleData();
            org.ztfclass.models.bundle.ModelBundle model = org.ztfclass.models.bundle.ModelBundle.load(
                    sample.getParent().resolve("models/ztfclass-default"));
            org.ztfclass.server.bench.LoadBenchmark.Settings s = org.ztfclass.server.bench.LoadBenchmark.Settings.of(minutes, labellers, readers,
                    engines, pg, DemoCommand.SAMPLE_PARTS.stream().map(sample::resolve).toList(),
                    "the shipped sample as demo ingests it (" + String.join(", ", DemoCommand.SAMPLE_PARTS) + "), scored with the shipped model", model);
            if (noRetrain) {
                s = new org.ztfclass.server.bench.LoadBenchmark.Settings(s.minutes(), s.labellers(), s.readers(), s.engines(), s.pg(), s.sample(),
                        s.sampleName(), s.model(), s.labelThinkMs(), s.readThinkMs(), s.maxBatch(), false);
            }
            org.ztfclass.server.bench.LoadBenchmark.run(s, System.out);
            return 0;
        }
    }
}
