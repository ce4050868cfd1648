package org.ztfclass.server.api;

import org.ztfclass.server.auth.LoginThrottle;
import org.ztfclass.server.auth.SessionStore;
import org.ztfclass.server.auth.TokenStore;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.labels.InitialSetFirstQueue;
import org.ztfclass.server.labels.LabelService;
import org.ztfclass.server.labels.LabelSkips;
import org.ztfclass.server.labels.ScanState;
import org.ztfclass.server.learning.LabellingQueue;
import org.ztfclass.server.learning.LearningConfig;
import org.ztfclass.server.learning.ModelTrainer;
import org.ztfclass.server.learning.Retraining;
import org.ztfclass.server.store.CrossmatchCache;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.LabelExport;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.ObjectListing;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.server.store.StreamStore;
import org.ztfclass.server.tap.TapService;

/**
 * The stores, queries and services of one server, each built exactly once over one {@link Database}
 * in this constructor; the route areas ({@link ApiRoutes}, {@link WebRoutes}, {@link LabelRoutes},
 * {@link AccountRoutes}, {@link TapService}, {@link LearningHandlers}) are given them from here and
 * construct no store of their own. Building reads the TAP limits and the learning settings from
 * the system properties (as {@link org.ztfclass.server.tap.TapLimits#fromSystemProperties} and
 * {@link LearningConfig#fromSystemProperties} say) and touches neither the database nor the disk;
 * nothing runs in the background until {@link LearningHandlers#routes} starts retraining's polling
 * (or a TAP job is run).
 * Every accessor answers the same instance each call; the services are thread-safe as their own
 * javadoc says. {@link #close} stops retraining's worker and poller and the TAP jobs this process
 * runs; the database stays open (the caller opened it).
 */
public final class ServerServices implements AutoCloseable {

    private final Database database;
    private final ObjectQueries objects;
    private final ObjectDataLoader objectData;
    private final PredictionStore predictions;
    private final CrossmatchCache crossmatches;
    private final ObjectListing listing;
    private final StreamStore stream;
    private final FunnelRunner funnel;
    private final TapService tap;
    private final Retraining retraining;
    private final LabellingQueue labellingQueue;
    private final WebAuth auth;
    private final LabelService labels;
    private final LabelExport labelExport;
    private final LabelSkips skips;
    private final InitialSetFirstQueue initialSetQueue;
    private final ScanState scans;

    /** Builds every service over {@code db}; retraining keeps its bundles in {@link Retraining#defaultModelsDir}. */
    public ServerServices(Database db) {
        this(db, Retraining.defaultModelsDir(db));
    }

    /** Builds every service over {@code db}; retraining keeps its bundles in {@code modelsDir}. */
    public ServerServices(Database db, java.nio.file.Path modelsDir) {
        this.database = db;
        this.objects = new ObjectQueries(db);
        this.objectData = new ObjectDataLoader(db);
        this.predictions = new PredictionStore(db);
        this.crossmatches = new CrossmatchCache(db);
        this.listing = new ObjectListing(db);
        this.stream = new StreamStore(db);
        this.funnel = new FunnelRunner(new FunnelStore(db));
        this.tap = new TapService(db);
        this.retraining = new Retraining(db, modelsDir, ModelTrainer.DEFAULT, LearningConfig.fromSystemProperties());
        this.labellingQueue = new LabellingQueue(db);
        this.auth = new WebAuth(new UserStore(db), new SessionStore(db), new TokenStore(db), new LoginThrottle(db));
        this.labels = new LabelService(db);
        this.labelExport = new LabelExport(db);
        this.skips = new LabelSkips(db);
        this.initialSetQueue = new InitialSetFirstQueue(db);
        this.scans = new ScanState(db);
    }

    /** @return the store every service reads and writes */
    public Database database() {
        return database;
    }

    /** @return objects, detections, light curves and cutouts as stored */
    public ObjectQueries objects() {
        return objects;
    }

    /** @return what the classifier reads of a stored object (light curve, catalogue summary, alert context, cutouts) */
    public ObjectDataLoader objectData() {
        return objectData;
    }

    /** @return the model's class probabilities per object */
    public PredictionStore predictions() {
        return predictions;
    }

    /** @return the cached answers of the catalogue cross-matches */
    public CrossmatchCache crossmatches() {
        return crossmatches;
    }

    /** @return the filtered, sorted, paged object list */
    public ObjectListing listing() {
        return listing;
    }

    /** @return the alert stream's consumer status and dead letters */
    public StreamStore stream() {
        return stream;
    }

    /** @return the filter funnel and its latest report */
    public FunnelRunner funnel() {
        return funnel;
    }

    /** @return the TAP service; its routes are declared by {@link TapService#routes} */
    public TapService tap() {
        return tap;
    }

    /** @return retraining jobs, model versions and takeover; closed by {@link #close} */
    public Retraining retraining() {
        return retraining;
    }

    /** @return the personal labelling queue (strategy per user, next object to label) */
    public LabellingQueue labellingQueue() {
        return labellingQueue;
    }

    /** @return sign-in, sessions, API tokens and users (one {@link UserStore}, {@link SessionStore}, {@link TokenStore}) */
    public WebAuth auth() {
        return auth;
    }

    /** @return the writer of people's labels, append-only events in the label log */
    public LabelService labels() {
        return labels;
    }

    /** @return the label log read for export, page by page */
    public LabelExport labelExport() {
        return labelExport;
    }

    /** @return skips and "not sure" marks, never labels */
    public LabelSkips skips() {
        return skips;
    }

    /** @return the object list's default queue: the initial set's unlabelled objects first, then the rest */
    public InitialSetFirstQueue initialSetQueue() {
        return initialSetQueue;
    }

    /** @return what each person has labelled or passed over, and how many labels they gave a day */
    public ScanState scans() {
        return scans;
    }

    /**
     * Stops retraining's worker and poller, and the TAP jobs this process runs (they end in ERROR,
     * {@link TapService#close}); the database stays open.
     */
    @Override
    public void close() {
        tap.close();
        retraining.close();
    }
}
