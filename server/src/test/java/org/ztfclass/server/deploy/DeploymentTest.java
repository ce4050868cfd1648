package org.ztfclass.server.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.PostgresCluster;
import org.ztfclass.server.Samples;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.backup.StoreRows;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreContents;
import org.ztfclass.server.store.StoreWriter;

/**
 * Issue 14, the deployment of {@code install/deploy/} as far as it runs on one machine without
 * systemd: a PostgreSQL store (the tests' throwaway cluster) with ingested alerts and an account;
 * {@code ztfclass serve} as its own process, configured only by the environment of
 * {@code install/deploy/ztfclass.conf} (the store, port and database user replaced by the test's);
 * the real nginx running {@code install/deploy/nginx/ztfclass.conf} filled in as the README says,
 * with a self-signed certificate made by openssl. Over HTTPS through nginx: the health check, the
 * redirect from HTTP, sign-in with {@code Secure} cookies, a label, absolute links in https; then
 * {@code ztfclass backup} while the server runs, {@code ztfclass restore} into a new database, and
 * the restored store holds the same objects, accounts and label log. nginx and openssl must be
 * installed (install/run-tests installs them): without them this test fails and says so.
 */
class DeploymentTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(ZTFCLASS_[A-Z_]+)}");

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            p.destroy(); // SIGTERM: nginx's fast shutdown, the server's shutdown hook
        }
        for (Process p : started) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void signInLabelBackUpAndRestoreBehindNginxOverHttps() throws Exception {
        Path nginx = program("nginx", "apt-get install nginx (the deployment test runs the real reverse proxy)", "/usr/sbin/nginx");
        Path openssl = program("openssl", "apt-get install openssl (the deployment test makes a self-signed certificate)", "/usr/bin/openssl");
        Path repo = Samples.root().getParent().getParent();
        Path deploy = repo.resolve("install/deploy");

        // PostgreSQL with a few real objects and a labeller
        PostgresCluster pg = PostgresCluster.shared();
        String store = pg.createDatabase("deploy");
        String objectId;
        try (Database db = Database.open(store)) {
            new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
            new UserStore(db).create("astronomer", Role.LABELLER, "astronomer-password");
            objectId = StoreRows.rows(db, "SELECT object_id FROM objects ORDER BY object_id").get(0);
        }

        // the one configuration file, as an operator fills it in
        Map<String, String> conf = envFile(deploy.resolve("ztfclass.conf"));
        assertEquals("127.0.0.1", conf.get("ZTFCLASS_TRUSTED_PROXY"), "the shipped configuration trusts nginx on this host");
        assertEquals("127.0.0.1", conf.get("ZTFCLASS_HOST"), "the server listens on loopback only");
        int serverPort = freePort();
        conf.put("ZTFCLASS_DB", store);
        conf.put("ZTFCLASS_PORT", Integer.toString(serverPort));
        conf.put("PGUSER", pg.user());
        conf.remove("PGPASSFILE"); // the test cluster trusts its user
        conf.put("ZTFCLASS_MODELS", tmp.resolve("models").toString());
        conf.put("ZTFCLASS_JAVA_OPTS", "-Xmx512m");
        conf.put("ZTFCLASS_BACKUP_DIR", tmp.resolve("backups").toString());

        Process server = ztfclass(conf, tmp.resolve("serve.log"), "serve");
        awaitHealthy(server, HttpClient.newHttpClient(), "http://127.0.0.1:" + serverPort, tmp.resolve("serve.log"));

        // TLS: a self-signed certificate for 127.0.0.1
        Path cert = tmp.resolve("cert.pem");
        Path key = tmp.resolve("key.pem");
        run(List.of(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString()));

        // nginx with the shipped site, filled in as the README says
        int httpPort = freePort();
        int httpsPort = freePort();
        Map<String, String> site = Map.of("ZTFCLASS_DOMAIN", "127.0.0.1", "ZTFCLASS_HTTP_PORT", "127.0.0.1:" + httpPort,
                "ZTFCLASS_HTTPS_PORT", "127.0.0.1:" + httpsPort, "ZTFCLASS_TLS_CERT", cert.toString(), "ZTFCLASS_TLS_KEY", key.toString(),
                "ZTFCLASS_UPSTREAM", "127.0.0.1:" + serverPort);
        Path prefix = Files.createDirectories(tmp.resolve("nginx"));
        Files.writeString(prefix.resolve("ztfclass-site.conf"), fill(Files.readString(deploy.resolve("nginx/ztfclass.conf")), site));
        Files.writeString(prefix.resolve("nginx.conf"), mainConf(prefix));
        Process proxy = start(List.of(nginx.toString(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(),
                "-e", prefix.resolve("error.log").toString()), prefix.resolve("nginx.out"));

        HttpClient https = HttpClient.newBuilder().sslContext(trusting(cert)).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "https://127.0.0.1:" + httpsPort;
        awaitHealthy(proxy, https, base, prefix.resolve("error.log"));

        HttpResponse<String> health = https.send(get(base + "/api/health").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\":\"ok\"") && health.body().contains("\"store\":\"postgresql\""), health.body());
        assertTrue(health.headers().firstValue("Strict-Transport-Security").isPresent(), "nginx adds HSTS");

        HttpResponse<String> plain = HttpClient.newHttpClient().send(get("http://127.0.0.1:" + httpPort + "/queue").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(301, plain.statusCode(), "plain HTTP is sent to HTTPS");
        assertTrue(plain.headers().firstValue("Location").orElse("").startsWith("https://"), plain.headers().map().toString());

        // sign in as a browser does: the pre-session token, then the form
        HttpResponse<String> form = https.send(get(base + "/signin").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode());
        String preCookie = setCookie(form, WebAuth.PRE_CSRF_COOKIE);
        assertTrue(preCookie.contains("; Secure"), "behind the trusted proxy over HTTPS the cookie is Secure: " + preCookie);
        HttpResponse<String> signIn = https.send(post(base + "/signin", "application/x-www-form-urlencoded",
                "csrf=" + enc(csrfField(form.body())) + "&name=astronomer&password=astronomer-password&next=/queue")
                .header("Cookie", nameValue(preCookie)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signIn.statusCode(), signIn.body());
        String session = setCookie(signIn, WebAuth.SESSION_COOKIE);
        assertTrue(session.contains("; Secure") && session.contains("HttpOnly"), session);
        String cookie = nameValue(session);
        HttpResponse<String> account = https.send(get(base + "/account").header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, account.statusCode());

        // a label, as the web page posts it
        HttpResponse<String> label = https.send(post(base + "/api/labels", "application/json",
                "{\"source\":\"web\",\"labels\":[{\"objectId\":\"" + objectId + "\",\"class\":\"SN_IA\",\"comment\":\"over https\"}]}")
                .header("Cookie", cookie).header(WebAuth.CSRF_HEADER, csrfField(account.body())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, label.statusCode(), label.body());

        // absolute links name the address the client used
        HttpResponse<String> capabilities = https.send(get(base + "/tap/capabilities").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(capabilities.body().contains(base + "/tap"), capabilities.body());

        // a backup while the server runs, restored into a new database
        Path backup = tmp.resolve("backups").resolve("nightly.backup");
        Process backupRun = ztfclass(conf, tmp.resolve("backup.log"), "backup", "--out", backup.toString());
        assertEquals(0, finish(backupRun), Files.readString(tmp.resolve("backup.log")));
        String restored = pg.createDatabase("deploy_restored");
        Map<String, String> restoreConf = new LinkedHashMap<>(conf);
        restoreConf.put("ZTFCLASS_DB", restored);
        Process restoreRun = ztfclass(restoreConf, tmp.resolve("restore.log"), "restore", backup.toString());
        assertEquals(0, finish(restoreRun), Files.readString(tmp.resolve("restore.log")));

        try (Database original = Database.open(store); Database copy = Database.open(restored)) {
            List<String> labels = StoreRows.labels(original);
            assertTrue(labels.stream().anyMatch(l -> l.contains(objectId) && l.contains("over https")), labels.toString());
            assertEquals(labels, StoreRows.labels(copy), "the restored label log, event for event");
            StoreContents a = StoreContents.read(original.location());
            StoreContents b = StoreContents.read(copy.location());
            for (String table : List.of("objects", "alerts", "detections", "cutouts", "users", "labels", "label_submissions")) {
                assertEquals(a.rows(table), b.rows(table), table);
            }
        }
        assertTrue(server.isAlive() && proxy.isAlive(), "server and proxy still run");
    }

    /** The nginx main configuration around the shipped site: everything in the test's folder, in the foreground. */
    private static String mainConf(Path prefix) {
        boolean root = "root".equals(System.getProperty("user.name"));
        return (root ? "user root;\n" : "") // as root, workers would otherwise switch to nobody and lose the temp folders
                + "daemon off;\nmaster_process on;\nworker_processes 1;\npid " + prefix.resolve("nginx.pid") + ";\n"
                + "error_log " + prefix.resolve("error.log") + " info;\n"
                + "events { worker_connections 256; }\n"
                + "http {\n  include /etc/nginx/mime.types;\n  access_log " + prefix.resolve("access.log") + ";\n"
                + "  client_body_temp_path " + prefix.resolve("body") + ";\n  proxy_temp_path " + prefix.resolve("proxy") + ";\n"
                + "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";\n  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";\n"
                + "  scgi_temp_path " + prefix.resolve("scgi") + ";\n"
                + "  include " + prefix.resolve("ztfclass-site.conf") + ";\n}\n";
    }

    /** Replaces each {@code ${ZTFCLASS_...}} as envsubst does; a placeholder the test does not know fails it. */
    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                fail("install/deploy/nginx/ztfclass.conf has a placeholder the README does not fill: " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Reads a systemd EnvironmentFile: {@code KEY=value} lines, {@code #} comments. */
    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf('=');
            assertTrue(eq > 0, "not KEY=value: " + line);
            env.put(t.substring(0, eq), t.substring(eq + 1));
        }
        return env;
    }

    /** Runs {@code ztfclass ARGS} as its own JVM (the launcher's java command, on the test classpath) with {@code conf} as its environment. */
    private Process ztfclass(Map<String, String> conf, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String opt : conf.getOrDefault("ZTFCLASS_JAVA_OPTS", "").split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "org.ztfclass.server.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ZTFCLASS_") || k.startsWith("PG"));
        pb.environment().putAll(conf);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private Process start(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(p);
        return p;
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("did not finish");
        }
        return p.exitValue();
    }

    /** Waits until {@code base}/api/health answers 200; fails with the log if the process ends first or it never does. */
    private static void awaitHealthy(Process process, HttpClient client, String base, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("it stopped (exit " + process.exitValue() + ") before " + base + "/api/health answered: " + read(log));
            }
            try {
                HttpResponse<String> r = client.send(get(base + "/api/health").timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        fail(base + "/api/health did not answer 200 (" + last + "): " + read(log));
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    }

    private static HttpRequest.Builder post(String url, String type, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("deploy-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static String setCookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + ": " + r.headers().allValues("Set-Cookie")));
    }

    private static String nameValue(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrfField(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            Matcher meta = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(html);
            assertTrue(meta.find(), "the page carries a CSRF token");
            return meta.group(1);
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** @return the program's path; fails the test, saying how to install it, when it is missing */
    private static Path program(String name, String install, String usual) {
        if (Files.isExecutable(Path.of(usual))) {
            return Path.of(usual);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return fail(name + " is not installed: " + install);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
