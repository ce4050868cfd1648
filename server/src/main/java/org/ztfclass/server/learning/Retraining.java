package org.ztfclass.server.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Retraining as a background job, one at a time (across processes sharing the store, see
 * {@link JobLog}): the consensus labels of people and catalogues minus the audit set train a new
 * version through {@link ModelTrainer}; it is evaluated on the audit set, kept with its metrics,
 * and promoted only if its macro AUC on audit objects neither version trained on is not lower
 * than the serving version's ({@link AuditComparison}); a promotion scores every object, switches
 * the serving version in one transaction, and lets {@link Takeover} decide and label.
 *
 * <p>Crash safety: a bundle is written to {@code MODELS/.partial-JOB} and renamed into place
 * atomically; the store changes only in transactions that leave the previous serving version
 * serving until the final switch; labels are only read. A job killed at any point leaves an
 * interrupted job row (its process is gone) that blocks nothing, and a leftover partial folder
 * that the next job removes.
 */
public final class Retraining implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Retraining.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Path modelsDir;
    private final ModelTrainer trainer;
    private final LearningConfig config;
    private final JobLog jobs;
    private final ModelVersions versions;
    private final LabelLog labels;
    private final Takeover takeover;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "ztfclass-retraining"));
    private ScheduledExecutorService poller;

    /**
     * @param modelsDir where each version's bundle is kept ({@code MODELS/VERSION})
     */
    public Retraining(Database db, Path modelsDir, ModelTrainer trainer, LearningConfig config) {
        this.db = db;
        this.modelsDir = modelsDir;
        this.trainer = trainer;
        this.config = config;
        this.jobs = new JobLog(db);
        this.versions = new ModelVersions(db);
        this.labels = new LabelLog(db);
        this.takeover = new Takeover(db, config);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Environment variable naming the models folder of a PostgreSQL store (shared by every process on it). */
    public static final String MODELS_ENV = "ZTFCLASS_MODELS";

    /**
     * @return the default models folder of a store: {@code STORE.models} beside an SQLite file; for
     *     PostgreSQL the folder in {@code $ZTFCLASS_MODELS} (put it on storage every server process
     *     reads when they run on several hosts), else {@code ~/.ztfclass/models/HOST-PORT-DB}
     */
    public static Path defaultModelsDir(Database db) {
        var location = db.location();
        if (!location.isPostgres()) {
            return location.file().resolveSibling(location.file().getFileName() + ".models");
        }
        String shared = System.getenv(MODELS_ENV);
        if (shared != null && !shared.isBlank()) {
            return Path.of(shared);
        }
        return Path.of(System.getProperty("user.home"), ".ztfclass", "models",
                location.host() + "-" + location.port() + "-" + location.database());
    }

    /** @return the job log */
    public JobLog jobs() {
        return jobs;
    }

    /** @return the model versions */
    public ModelVersions versions() {
        return versions;
    }

    /** @return the takeover state */
    public Takeover takeover() {
        return takeover;
    }

    /** @return the configuration */
    public LearningConfig config() {
        return config;
    }

    /**
     * Claims a job and runs it in the background.
     *
     * @return the job id
     * @throws JobLog.AlreadyRunning if a job is running
     */
    public long start(String trigger, Long userId) throws SQLException, JobLog.AlreadyRunning {
        long id = jobs.claim(trigger, userId, labels.lastLabelId());
        worker.submit(() -> run(id));
        return id;
    }

    /** Claims a job and runs it in this thread. @return the finished job */
    public JobLog.Job runNow(String trigger, Long userId) throws SQLException, JobLog.AlreadyRunning {
        long id = jobs.claim(trigger, userId, labels.lastLabelId());
        run(id);
        return jobs.find(id).orElseThrow();
    }

    /** Waits for the background job queue to drain (tests and shutdown). */
    public void awaitIdle(long timeout, TimeUnit unit) throws Exception {
        Future<?> f = worker.submit(() -> { });
        f.get(timeout, unit);
    }

    private void run(long id) {
        String version = null;
        try {
            jobs.progress(id, "reading consensus labels", 0.02);
            removePartials();
            List<Consensus.Outcome> outcomes = Consensus.of(labels.votes());
            AuditSet audit = new AuditSet(config.auditFraction());
            ObjectDataLoader loader = new ObjectDataLoader(db);
            List<LabelledObject> train = new ArrayList<>();
            List<LabelledObject> held = new ArrayList<>();
            int done = 0;
            for (Consensus.Outcome o : outcomes) {
                if (++done % 500 == 0) {
                    jobs.progress(id, "loading labelled objects (" + done + " of " + outcomes.size() + ")", 0.02 + 0.18 * done / outcomes.size());
                }
                if (o.tied()) {
                    continue;
                }
                Optional<ObjectData> data = loader.load(o.objectId());
                if (data.isEmpty()) {
                    continue;
                }
                LabelledObject l = new LabelledObject(data.get(), o.label(), o.label().name());
                (audit.contains(o.objectId()) ? held : train).add(l);
            }
            jobs.progress(id, "training on " + train.size() + " objects (audit set: " + held.size() + ")", 0.2);
            ModelBundle bundle = trainer.train(train, config.seed());
            version = bundle.manifest().version();
            jobs.progress(id, "evaluating on the audit set", 0.6);
            AuditComparison cmp = compare(bundle, held);
            jobs.progress(id, "saving bundle", 0.7);
            Path dir = saveAtomically(bundle, id);
            versions.addCandidate(version, bundle.manifest().trainingSetHash(), JSON.writeValueAsString(bundle.manifest()), dir.toString(),
                    cmp.candidateAuc(), Double.isNaN(cmp.servingOnShared()) ? null : cmp.servingOnShared(), cmp.auditN(),
                    JSON.writeValueAsString(metricsJson(cmp)), id);
            if (cmp.promote()) {
                jobs.progress(id, "scoring every object with " + version, 0.75);
                StoreScoring.scoreAll(db, bundle);
                jobs.progress(id, "promoting", 0.95);
                versions.serve(version);
                takeover.decide(version, cmp.perClass());
                takeover.apply(version);
            }
            jobs.finish(id, true, version, cmp.promote(), cmp.reason());
            LOG.info("retraining job {}: {} {}", id, version, cmp.reason());
        } catch (Exception | Error e) {
            LOG.error("retraining job {} failed", id, e);
            try {
                jobs.finish(id, false, version, false, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (SQLException s) {
                LOG.error("cannot record the failure of job {}", id, s);
            }
        }
    }

    private AuditComparison compare(ModelBundle bundle, List<LabelledObject> held) throws SQLException {
        List<String> ids = held.stream().map(o -> o.data().objectId()).toList();
        int[] y = held.stream().mapToInt(o -> o.label().ordinal()).toArray();
        double[][] p = held.isEmpty() ? new double[0][] : bundle.probabilities(held.stream().map(LabelledObject::data).toList());
        Optional<ModelVersions.Version> serving = versions.serving();
        if (serving.isEmpty()) {
            return AuditComparison.of(ids, y, p, null, Set.of(), config.threshold());
        }
        return AuditComparison.of(ids, y, p, versions.probabilities(serving.get().version(), ids), neverSaw(serving.get(), ids),
                config.threshold());
    }

    /**
     * @return the audit objects a version never trained on: all of them for a version this class
     *         trained (it never trains on the audit set), else those its manifest lists as held out
     */
    private Set<String> neverSaw(ModelVersions.Version v, List<String> auditIds) throws SQLException {
        if (v.jobId() != null) {
            return new HashSet<>(auditIds);
        }
        Set<String> out = new HashSet<>();
        String manifest = manifestOf(v.version());
        if (manifest != null) {
            try {
                JsonNode held = JSON.readTree(manifest).path("testObjectIds");
                held.forEach(n -> out.add(n.asText()));
            } catch (IOException e) {
                LOG.warn("manifest of {} unreadable: {}", v.version(), e.getMessage());
            }
        }
        return out;
    }

    private String manifestOf(String version) throws SQLException {
        try (var c = db.connect(); var ps = c.prepareStatement("SELECT manifest FROM model_versions WHERE version = ?")) {
            ps.setString(1, version);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Map<String, Object> metricsJson(AuditComparison cmp) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("audit_n", cmp.auditN());
        out.put("macro_auc", finite(cmp.candidateAuc()));
        out.put("compared_n", cmp.comparedN());
        out.put("macro_auc_on_compared", finite(cmp.candidateOnShared()));
        out.put("serving_macro_auc_on_compared", finite(cmp.servingOnShared()));
        Map<String, Object> per = new LinkedHashMap<>();
        for (ThresholdMetrics m : cmp.perClass().values()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("threshold", m.threshold());
            x.put("above", m.above());
            x.put("correct", m.correct());
            x.put("positives", m.positives());
            x.put("precision", finite(m.precision()));
            x.put("recall", finite(m.recall()));
            per.put(m.label().name(), x);
        }
        out.put("per_class", per);
        out.put("decision", cmp.reason());
        return out;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private Path saveAtomically(ModelBundle bundle, long jobId) throws IOException {
        Files.createDirectories(modelsDir);
        Path partial = modelsDir.resolve(".partial-" + jobId);
        deleteTree(partial);
        bundle.save(partial);
        Path target = modelsDir.resolve(bundle.manifest().version().replace(':', '-'));
        if (Files.exists(target)) {
            throw new IOException(target + " exists already: a version of that name was saved before");
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private void removePartials() throws IOException {
        if (!Files.isDirectory(modelsDir)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(modelsDir, ".partial-*")) {
            for (Path p : s) {
                LOG.info("removing {}, left by an interrupted retraining", p);
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    /**
     * Makes {@code version} serve again (an admin's rollback) and re-decides takeover for it
     * from its stored audit metrics (off if it has none).
     *
     * @throws IllegalArgumentException if the version is unknown or never served
     */
    public void rollback(String version) throws SQLException {
        versions.serve(version);
        ModelVersions.Version v = versions.find(version).orElseThrow();
        Map<TransientClass, ThresholdMetrics> per = perClassOf(v);
        if (per.isEmpty()) {
            takeover.off(version, "rolled back to " + version + ", which has no audit metrics");
        } else {
            takeover.decide(version, per);
        }
    }

    private static Map<TransientClass, ThresholdMetrics> perClassOf(ModelVersions.Version v) {
        Map<TransientClass, ThresholdMetrics> out = new java.util.EnumMap<>(TransientClass.class);
        if (v.auditMetrics() == null) {
            return out;
        }
        try {
            JsonNode per = JSON.readTree(v.auditMetrics()).path("per_class");
            for (TransientClass c : TransientClass.values()) {
                JsonNode m = per.path(c.name());
                if (!m.isMissingNode()) {
                    out.put(c, new ThresholdMetrics(c, m.path("threshold").asDouble(), m.path("above").asInt(), m.path("correct").asInt(),
                            m.path("positives").asInt()));
                }
            }
        } catch (IOException e) {
            LOG.warn("audit metrics of {} unreadable: {}", v.version(), e.getMessage());
        }
        return out;
    }

    /**
     * Every {@code periodSeconds}: stops takeover of classes whose audits fail, and, if
     * {@link LearningConfig#retrainEvery()} is set, starts a job once that many human labels
     * arrived since the last job started.
     */
    public void startPolling(long periodSeconds) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ztfclass-learning-poll"));
        poller.scheduleWithFixedDelay(this::poll, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    /** One round of {@link #startPolling}'s checks. */
    public void poll() {
        try {
            List<TransientClass> stopped = takeover.recheck(Consensus.of(labels.votes()));
            if (!stopped.isEmpty()) {
                LOG.warn("takeover stopped for {}: audited precision below {}", stopped, config.takeoverPrecision());
            }
            if (config.retrainEvery() > 0 && labels.humanLabelsAfter(jobs.lastWatermark()) >= config.retrainEvery()) {
                long id = start("auto", null);
                LOG.info("{} new labels: retraining job {} started", config.retrainEvery(), id);
            }
        } catch (JobLog.AlreadyRunning e) {
            LOG.debug("{}", e.getMessage());
        } catch (Exception e) {
            LOG.error("learning poll failed", e);
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        worker.shutdown();
    }
}
