package org.ztfclass.plugin.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.astrogrid.samp.hub.Hub;
import org.astrogrid.samp.hub.HubServiceMode;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.ztfclass.plugin.server.ServerClient;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.TokenStore;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.learning.StoreScoring;
import org.ztfclass.server.learning.TrainedModel;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.StoreWriter;

/**
 * What the SAMP bridge tests share: a real JSAMP hub, a real ztfclass server on real data (the
 * shipped catalogues and alerts, scored by a small trained model), the user ada (labeller) with an
 * API token, the bridge registered with the hub as {@link SampBridge#NAME} on ada's token, and an
 * independent peer from another ecosystem (astropy.samp, run by Debian's python3).
 *
 * <p>A test class gets it as a parameter ({@code @ExtendWith(SampFixture.Resolver.class)}); it is
 * built once per test run, whichever class asks first, and closed when the run ends, so the
 * classes share one hub (a second hub could not start while the first holds the lockfile).
 */
final class SampFixture implements AutoCloseable {

    /** Resolves a {@link SampFixture} parameter: one per test run, kept in the root store, closed at its end. */
    static final class Resolver implements ParameterResolver {

        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SampFixture.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SampFixture.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NS).getOrComputeIfAbsent(SampFixture.class, k -> start(), SampFixture.class);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path tmp;
    final Database db;
    final ApiServer server;
    final TokenStore tokens;
    final User ada;
    final Hub hub;
    final SampBridge bridge;

    private SampFixture(Path tmp, Database db, ApiServer server, TokenStore tokens, User ada, Hub hub, SampBridge bridge) {
        this.tmp = tmp;
        this.db = db;
        this.server = server;
        this.tokens = tokens;
        this.ada = ada;
        this.hub = hub;
        this.bridge = bridge;
    }

    private static Path sample(String relative) {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("install/sample-data"))) {
            p = p.getParent();
        }
        return p.resolve("install/sample-data").resolve(relative);
    }

    private static SampFixture start() {
        try {
            Path tmp = Files.createTempDirectory("ztfclass-samp-test");
            Database db = Database.open(tmp.resolve("samp.db"));
            new IngestService(new StoreWriter(db)).ingest(List.of(sample("catalogues"), sample("alerts")), IngestProgress.SILENT);
            TrainedModel model = TrainedModel.trainAndSave(new ObjectDataLoader(db).labelled(), 3, tmp.resolve("model"));
            StoreScoring.scoreAll(db, model.bundle());
            ApiServer server = new ApiServer(db).start("127.0.0.1", 0);
            UserStore users = new UserStore(db);
            TokenStore tokens = new TokenStore(db);
            User ada = users.create("ada", Role.LABELLER, "ada-password-1");
            String adaToken = tokens.create(ada, "samp bridge").token();
            Files.createDirectories(Path.of(System.getProperty("user.home")));
            Hub hub = Hub.runHub(HubServiceMode.NO_GUI, new org.astrogrid.samp.hub.HubProfile[] {
                new org.astrogrid.samp.xmlrpc.StandardHubProfile()}, new org.astrogrid.samp.hub.HubProfile[0]);
            SampBridge bridge = new SampBridge(new ServerClient(URI.create("http://127.0.0.1:" + server.port()), adaToken),
                    tmp.resolve("answers"), 1.5);
            bridge.start(false, 1);
            for (int i = 0; i < 100 && !bridge.isConnected(); i++) {
                Thread.sleep(100);
            }
            assertTrue(bridge.isConnected(), "the bridge registered with the hub");
            return new SampFixture(tmp, db, server, tokens, ada, hub, bridge);
        } catch (Exception e) {
            throw new IllegalStateException("SAMP test fixture: " + e.getMessage(), e);
        }
    }

    /** @return the server's base address */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /**
     * Runs the astropy.samp peer ({@code astropy_samp_peer.py}) in {@code mode} against the hub.
     *
     * @param targets SAMP names of the bridges to talk to (default: {@link SampBridge#NAME})
     * @return the JSON it printed last
     */
    JsonNode peer(String mode, String... targets) throws Exception {
        Path script = tmp.resolve("astropy_samp_peer.py");
        try (InputStream in = SampFixture.class.getResourceAsStream("/astropy_samp_peer.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path work = Files.createDirectories(tmp.resolve("peer-" + mode));
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), mode, work.toString()));
        command.addAll(List.of(targets));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SAMP_HUB", "std-lockurl:" + Path.of(System.getProperty("user.home"), ".samp").toUri());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String text = new String(out, StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), text + "\n" + err);
        return JSON.readTree(text.substring(text.lastIndexOf('\n') + 1));
    }

    /** Closes the bridge, the hub and the server, and removes the temporary files. */
    @Override
    public void close() {
        try {
            bridge.close();
            hub.shutdown();
            server.stop();
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                // best effort: the files are in the system's temporary folder
            }
        }
    }
}
