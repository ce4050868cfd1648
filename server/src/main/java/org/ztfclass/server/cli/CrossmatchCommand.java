package org.ztfclass.server.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztfclass.server.crossmatch.CrossmatchRefresher;
import org.ztfclass.server.crossmatch.VizierConeService;
import org.ztfclass.server.store.CrossmatchCache;
import org.ztfclass.server.store.Database;
import org.ztfclass.votables.crossmatch.CatalogueDefinition;
import org.ztfclass.votables.crossmatch.Catalogues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ztfclass crossmatch}: fills or refreshes the cross-match cache for the objects in the
 * store by asking CDS VizieR (network). Resumable: pairs already answered for the same radius
 * and catalogue version are skipped unless {@code --refresh}. Exit 0 when the run completed
 * (failed pairs are listed and keep their previous answer), 2 on bad options.
 */
@Command(name = "crossmatch", mixinStandardHelpOptions = true,
        description = "Fill or refresh the cross-match cache (optical and radio catalogues via CDS VizieR) for the objects in the store. "
                + "Resumable: objects already answered are skipped unless --refresh.")
final class CrossmatchCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--catalogues", split = ",", paramLabel = "KEY",
            description = "catalogues to ask (default: all): ps1, gaia_dr3, sdss_dr16, allwise, nvss, first, vlass, racs, lotss")
    List<String> catalogues;

    @Option(names = "--radius", defaultValue = "5.0", paramLabel = "ARCSEC",
            description = "cone radius in arcseconds, (0, 120] (default: ${DEFAULT-VALUE})")
    double radius;

    @Option(names = "--object", paramLabel = "ZTF_ID", description = "only these objects (repeatable; default: every object with a position)")
    List<String> objects;

    @Option(names = "--refresh", description = "ask again for pairs already answered")
    boolean refresh;

    @Option(names = "--service-url", defaultValue = VizierConeService.DEFAULT_URL, paramLabel = "URL",
            description = "VizieR ASU VOTable endpoint, e.g. a mirror (default: ${DEFAULT-VALUE})")
    String serviceUrl;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS", description = "per request (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (!(radius > 0 && radius <= 120)) {
            System.err.println("--radius must be in (0, 120] arcsec, got " + radius);
            return 2;
        }
        List<CatalogueDefinition> cats;
        try {
            cats = catalogues == null || catalogues.isEmpty() ? Catalogues.all() : Catalogues.byKeys(catalogues);
        } catch (IllegalArgumentException e) {
            System.err.println("--catalogues: " + e.getMessage());
            return 2;
        }
        Database db = Database.open(store.db);
        CrossmatchCache cache = new CrossmatchCache(db);
        List<CrossmatchCache.Target> targets = cache.targets(objects == null ? List.of() : objects);
        if (targets.isEmpty()) {
            System.err.println("no object with a position in " + db.location() + (objects == null ? "" : " among " + objects));
            return 2;
        }
        VizierConeService service = new VizierConeService(serviceUrl, Duration.ofSeconds(timeoutSeconds), 4, Duration.ofSeconds(2),
                Duration.ofMillis(200));
        ConsoleProgress bar = new ConsoleProgress(System.err);
        System.err.printf("cross-matching %,d objects with %d catalogues within %.1f arcsec (%s)%n", targets.size(), cats.size(), radius,
                serviceUrl);
        CrossmatchRefresher.Outcome o = new CrossmatchRefresher(service, cache).refresh(targets, cats, radius, !refresh,
                (done, total) -> bar.fileDone((int) (done * 1000 / Math.max(1, total)), 1000, null));
        for (String p : o.problems()) {
            System.out.println("problem: " + p);
        }
        System.out.printf("answered %,d (%,d sources), not covered %,d, already answered %,d, failed %,d (previous answers kept), "
                + "rows rejected %,d%n", o.answered(), o.sources(), o.notCovered(), o.skipped(), o.failed(), o.rejectedRows());
        return 0;
    }
}
