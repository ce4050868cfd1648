package org.ztfclass.plugin.topcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.learning.StoreScoring;
import org.ztfclass.server.learning.TrainedModel;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.StoreWriter;

/**
 * The TOPCAT plugin classes run inside the real STILTS (Debian package, its own STIL) against a
 * running ztfclass server: JEL functions in {@code tpipe addcol}, and the {@code :ztf:} scheme.
 */
class TopcatPluginTest {

    @TempDir
    static Path tmp;

    private static ApiServer server;

    private static Path module(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve(name))) {
            p = p.getParent();
        }
        return p.resolve(name);
    }

    @BeforeAll
    static void start() throws Exception {
        Database db = Database.open(tmp.resolve("topcat.db"));
        Path sample = module("install/sample-data");
        new IngestService(new StoreWriter(db)).ingest(List.of(sample.resolve("catalogues"), sample.resolve("alerts")), IngestProgress.SILENT);
        StoreScoring.scoreAll(db, TrainedModel.trainAndSave(new ObjectDataLoader(db).labelled(), 5, tmp.resolve("model")).bundle());
        server = new ApiServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String stilts(String... args) throws Exception {
        String classpath = module("plugin").resolve("target/classes") + ":" + module("votables").resolve("target/classes");
        List<String> cmd = new ArrayList<>(List.of("stilts", "-classpath", classpath,
                "-Dztfclass.server=http://127.0.0.1:" + server.port(),
                "-Djel.classes=org.ztfclass.plugin.topcat.ZtfFunctions",
                "-Dstartable.schemes=org.ztfclass.plugin.topcat.ZtfTableScheme"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void jelFunctionsAddProbabilityClassAndPageColumns() throws Exception {
        Path in = Files.writeString(tmp.resolve("mine.csv"), "objectId,n\nZTF20aaelulu,1\nZTF99zzzzzzz,2\n");
        // the commands go in a file (cmd=@FILE): the Debian stilts script re-splits quoted arguments;
        // inside, an expression with string literals is single-quoted, as tpipe's syntax asks
        Path commands = Files.writeString(tmp.resolve("commands.txt"), String.join("\n",
                "addcol pia 'ztfProb(objectId,\"SN_IA\")+ztfProb(objectId,\"SN_II\")+ztfProb(objectId,\"OTHER\")'",
                "addcol cls ztfClass(objectId)", "addcol page ztfUrl(objectId)", ""));
        String csv = stilts("tpipe", "in=" + in, "ifmt=csv", "ofmt=csv", "cmd=@" + commands);
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        assertEquals("objectId,n,pia,cls,page", lines.get(0), csv);
        String[] known = lines.get(1).split(",");
        assertEquals(1.0, Double.parseDouble(known[2]), 1e-5, "the three probabilities sum to 1");
        assertTrue(List.of("SN_IA", "SN_II", "OTHER").contains(known[3]), csv);
        assertTrue(known[4].endsWith("/objects/ZTF20aaelulu"), csv);
        assertTrue(lines.get(2).startsWith("ZTF99zzzzzzz,2,") && lines.get(2).endsWith(",,"), "unknown object: blanks, " + csv);
    }

    @Test
    void ztfSchemeLoadsObjectsByPredictedClassAndProbability() throws Exception {
        int all = Integer.parseInt(stilts("tpipe", "in=:ztf:class=SN_IA", "omode=count").replaceAll("(?s).*rows: *(\\d+).*", "$1").trim());
        int confident = Integer.parseInt(stilts("tpipe", "in=:ztf:class=SN_IA&minprob=0.9", "omode=count")
                .replaceAll("(?s).*rows: *(\\d+).*", "$1").trim());
        assertTrue(all > 100, "objects the model calls SN Ia: " + all);
        assertTrue(confident > 0 && confident < all, confident + " of " + all + " above 0.9");
        String check = stilts("tpipe", "in=:ztf:class=SN_IA&minprob=0.9", "omode=stats", "cmd=keepcols p_SN_IA");
        assertTrue(check.contains("p_SN_IA"), check);
    }
}
