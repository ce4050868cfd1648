package org.ztfclass.server.web;

import org.ztfclass.models.evaluation.EarlyClassification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ztfclass.server.store.Database;

/**
 * {@code /model}: the serving model version (the newest with status {@code serving} in the
 * store, read on every request, so a promotion or rollback by any process shows at once) and its
 * held-out evaluation: the metrics its manifest records and, when its bundle folder has one, the
 * full report (the folder the store records for the version, else the one the server was given,
 * if its version matches): ROC curves, confusion
 * matrix and per-class precision, recall, F1 and AUC ({@code report/evaluation.json} and its
 * SVGs, served under {@code /model/report/}). Says plainly when there is no model or no report.
 */
public final class ModelPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SVG = Pattern.compile("(roc|confusion|reliability)-\\d{1,2}\\.svg|early-classification\\.svg");

    private static final String SERVING = "SELECT version, manifest, bundle_path FROM model_versions WHERE status = 'serving' "
            + "ORDER BY created_at DESC, version DESC LIMIT 1";

    private final Database db;
    private volatile Path bundle;

    public ModelPage(Database db) {
        this.db = db;
    }

    /** Tells the page where the serving model's bundle folder is (with {@code manifest.json} and {@code report/}). */
    public void bundle(Path dir) {
        this.bundle = dir;
    }

    public void show(Context ctx) throws SQLException, IOException {
        StringBuilder b = new StringBuilder();
        String version = null;
        String manifest = null;
        String bundlePath = null;
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(SERVING);
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                version = rs.getString(1);
                manifest = rs.getString(2);
                bundlePath = rs.getString(3);
            }
        }
        if (version == null) {
            b.append("<p>No model has scored this store yet, so there is nothing to show. Train one with <code>install/ztfclass train</code>; ")
                    .append("<code>install/ztfclass demo</code> does it on first start.</p>\n");
            Layout.send(ctx, "Model", b.toString());
            return;
        }
        b.append("<p>Serving model version <strong>").append(Html.e(version)).append("</strong>.</p>\n");
        JsonNode metrics = manifest == null ? null : JSON.readTree(manifest).path("metrics");
        if (metrics != null && metrics.isObject()) {
            b.append("<div class=\"scroll\"><table><caption>Held-out evaluation recorded in the model's manifest (95% bootstrap interval)</caption>")
                    .append("<thead><tr><th scope=\"col\">Model</th><th scope=\"col\">Objects</th><th scope=\"col\">Macro AUC</th>")
                    .append("<th scope=\"col\">Balanced accuracy</th><th scope=\"col\">Accuracy</th></tr></thead><tbody>\n");
            metrics.fields().forEachRemaining(e -> {
                JsonNode m = e.getValue();
                if (m.isObject()) {
                    JsonNode ci = m.path("macro_auc_ci95");
                    b.append("<tr><th scope=\"row\">").append(Html.e(e.getKey())).append("</th><td class=\"n\">").append(m.path("n").asText())
                            .append("</td><td class=\"n\">").append(num(m.path("macro_auc"))).append(ci.isArray() ? " [" + num(ci.get(0)) + ", "
                                    + num(ci.get(1)) + "]" : "").append("</td><td class=\"n\">").append(num(m.path("balanced_accuracy")))
                            .append("</td><td class=\"n\">").append(num(m.path("accuracy"))).append("</td></tr>\n");
                }
            });
            b.append("</tbody></table></div>\n");
            earlyClassification(b, metrics);
            if (metrics.path("not_built_yet").isArray()) {
                b.append("<p>Not built yet: ");
                metrics.get("not_built_yet").forEach(n -> b.append(Html.e(n.asText())).append("; "));
                b.append("</p>\n");
            }
        } else {
            b.append("<p>The model's manifest records no evaluation metrics.</p>\n");
        }
        JsonNode report = report(bundleDir(version, bundlePath), version);
        if (report == null) {
            b.append("<p>The full evaluation report (ROC curves, confusion matrix, per-class metrics) is not available to this server: ")
                    .append("it is in the model bundle's <code>report/</code> folder (<code>install/ztfclass evaluate MODEL_DIR</code>).</p>\n");
        } else {
            reportHtml(b, report);
        }
        Layout.send(ctx, "Model", b.toString());
    }

    /** Serves an SVG of the serving bundle's report ({@code /model/report/{file}}). */
    public void reportFile(Context ctx) throws IOException, SQLException {
        String file = ctx.pathParam("file");
        Path dir = null;
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(SERVING); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                dir = bundleDir(rs.getString(1), rs.getString(3));
            }
        }
        if (dir == null || !SVG.matcher(file).matches() || !Files.isRegularFile(dir.resolve("report").resolve(file))) {
            ctx.status(404).result("no such report file");
            return;
        }
        ctx.contentType("image/svg+xml");
        ctx.result(Files.readAllBytes(dir.resolve("report").resolve(file)));
    }

    /** @return the folder of the serving version's bundle: the one the store records, else the one given to {@link #bundle}; null if neither is its */
    private Path bundleDir(String version, String bundlePath) throws IOException {
        for (Path dir : new Path[] {bundlePath == null ? null : Path.of(bundlePath), bundle}) {
            if (dir != null && Files.isRegularFile(dir.resolve("manifest.json"))
                    && version.equals(JSON.readTree(dir.resolve("manifest.json").toFile()).path("version").asText())) {
                return dir;
            }
        }
        return null;
    }

    private JsonNode report(Path dir, String version) throws IOException {
        if (dir == null || !Files.isRegularFile(dir.resolve("manifest.json")) || !Files.isRegularFile(dir.resolve("report/evaluation.json"))) {
            return null;
        }
        if (!version.equals(JSON.readTree(dir.resolve("manifest.json").toFile()).path("version").asText())) {
            return null;
        }
        return JSON.readTree(dir.resolve("report/evaluation.json").toFile());
    }

    private static void reportHtml(StringBuilder b, JsonNode report) {
        JsonNode evaluations = report.path("evaluations");
        for (int k = 0; k < evaluations.size(); k++) {
            JsonNode e = evaluations.get(k);
            String name = e.path("modelName").asText();
            b.append("<section class=\"panel\"><h2>").append(Html.e(name)).append("</h2>\n");
            b.append("<p><img src=\"/model/report/roc-").append(k).append(".svg\" width=\"480\" height=\"360\" style=\"max-width:100%;height:auto\" alt=\"")
                    .append("ROC curves of ").append(Html.e(name)).append(", one per class; their AUCs are in the table below\"></p>\n");
            JsonNode classes = e.path("classNames");
            b.append("<div class=\"scroll\"><table><caption>Per class, on ").append(e.path("n").asText())
                    .append(" held-out objects</caption><thead><tr><th scope=\"col\">Class</th><th scope=\"col\">Support</th>")
                    .append("<th scope=\"col\">AUC</th><th scope=\"col\">Precision</th><th scope=\"col\">Recall</th><th scope=\"col\">F1</th></tr></thead><tbody>\n");
            for (JsonNode c : e.path("perClass")) {
                b.append("<tr><th scope=\"row\">").append(Html.e(c.path("className").asText())).append("</th><td class=\"n\">")
                        .append(c.path("support").asText()).append("</td><td class=\"n\">").append(num(c.path("auc"))).append("</td><td class=\"n\">")
                        .append(num(c.path("precision"))).append("</td><td class=\"n\">").append(num(c.path("recall"))).append("</td><td class=\"n\">")
                        .append(num(c.path("f1"))).append("</td></tr>\n");
            }
            b.append("</tbody></table></div>\n<div class=\"scroll\"><table><caption>Confusion matrix: rows true class, columns predicted</caption><thead><tr>")
                    .append("<td></td>");
            classes.forEach(c -> b.append("<th scope=\"col\">").append(Html.e(c.asText())).append("</th>"));
            b.append("</tr></thead><tbody>\n");
            JsonNode m = e.path("confusionMatrix");
            for (int i = 0; i < m.size(); i++) {
                b.append("<tr><th scope=\"row\">").append(Html.e(classes.path(i).asText())).append("</th>");
                m.get(i).forEach(v -> b.append("<td class=\"n\">").append(v.asText()).append("</td>"));
                b.append("</tr>\n");
            }
            b.append("</tbody></table></div>\n</section>\n");
        }
    }

    /**
     * The early-classification rows of the manifest ({@code early: …}): macro AUC and SN Ia
     * precision/recall against days since the first detection, and the report's plot when the
     * bundle's report is here.
     */
    private void earlyClassification(StringBuilder b, JsonNode metrics) {
        StringBuilder rows = new StringBuilder();
        metrics.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith(EarlyClassification.PREFIX) && e.getValue().isObject()) {
                JsonNode m = e.getValue();
                JsonNode ci = m.path("macro_auc_ci95");
                rows.append("<tr><th scope=\"row\">").append(Html.e(e.getKey().substring(EarlyClassification.PREFIX.length())))
                        .append("</th><td class=\"n\">").append(num(m.path("macro_auc"))).append(ci.isArray() ? " [" + num(ci.get(0)) + ", "
                                + num(ci.get(1)) + "]" : "").append("</td><td class=\"n\">").append(num(m.path("sn_ia_precision")))
                        .append("</td><td class=\"n\">").append(num(m.path("sn_ia_recall"))).append("</td></tr>\n");
            }
        });
        if (rows.length() == 0) {
            return;
        }
        b.append("<section class=\"panel\"><h2 id=\"early\">Early classification</h2>\n<p>What the served model says from the first ")
                .append("days of a light curve (held-out objects, no catalogue summary): use it to decide on a spectrum.</p>\n")
                .append("<div class=\"scroll\"><table><caption>Against days since the first detection</caption><thead><tr>")
                .append("<th scope=\"col\">Light curve</th><th scope=\"col\">Macro AUC [95% CI]</th><th scope=\"col\">SN Ia precision</th>")
                .append("<th scope=\"col\">SN Ia recall</th></tr></thead><tbody>\n").append(rows).append("</tbody></table></div>\n");
        if (bundle != null && Files.isRegularFile(bundle.resolve("report/early-classification.svg"))) {
            b.append("<p><img src=\"/model/report/early-classification.svg\" width=\"480\" height=\"300\" style=\"max-width:100%;height:auto\" ")
                    .append("alt=\"Macro AUC, SN Ia precision and recall against days since first detection; the numbers are in the table above\"></p>\n");
        }
        b.append("</section>\n");
    }

    private static String num(JsonNode n) {
        return n == null || !n.isNumber() ? "–" : String.format(Locale.ROOT, "%.3f", n.asDouble());
    }
}
