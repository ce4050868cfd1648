package org.ztfclass.server.learning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Writes a {@link Simulation.Result}: {@code learning-curve.csv} (one row per queue and round),
 * {@code learning-curve.svg} (macro AUC, accuracy and per-class precision against labels, random
 * and active queues), {@code takeover.csv} (when each class's takeover switched on) and
 * {@code learning-curve.md} (the same as a table).
 */
public final class SimulationReport {

    private static final String[] COLOURS = {"#1f5f99", "#b8480c"};

    private SimulationReport() {
    }

    public static void write(Simulation.Result r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("learning-curve.csv"), csv(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("takeover.csv"), takeoverCsv(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("learning-curve.md"), markdown(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("learning-curve.svg"), svg(r), StandardCharsets.UTF_8);
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String csv(Simulation.Result r) {
        StringBuilder b = new StringBuilder("queue,round,labels,audit_n,macro_auc,accuracy");
        for (TransientClass c : TransientClass.values()) {
            b.append(",precision_").append(c.name());
        }
        for (TransientClass c : TransientClass.values()) {
            b.append(",threshold_precision_").append(c.name()).append(",threshold_n_").append(c.name()).append(",takeover_").append(c.name());
        }
        b.append('\n');
        for (Simulation.Row row : r.rows()) {
            b.append(row.strategy()).append(',').append(row.round()).append(',').append(row.labels()).append(',').append(r.auditN()).append(',')
                    .append(f(row.macroAuc())).append(',').append(f(row.accuracy()));
            for (TransientClass c : TransientClass.values()) {
                b.append(',').append(f(row.precision().get(c)));
            }
            for (TransientClass c : TransientClass.values()) {
                ThresholdMetrics m = row.atThreshold().get(c);
                b.append(',').append(f(m.precision())).append(',').append(m.above()).append(',').append(row.takeover().get(c).enabled() ? 1 : 0);
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String takeoverCsv(Simulation.Result r) {
        StringBuilder b = new StringBuilder("queue,class,labels_when_takeover_switched_on\n");
        r.takeoverAt().forEach((q, m) -> {
            for (TransientClass c : TransientClass.values()) {
                b.append(q).append(',').append(c.name()).append(',').append(m.containsKey(c) ? m.get(c).toString() : "never").append('\n');
            }
        });
        return b.toString();
    }

    /** @return the rounds as a Markdown table, then when takeover switched on */
    public static String markdown(Simulation.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Audit set: %d objects (never trained on); pool: %d objects.%n%n", r.auditN(), r.poolN()));
        b.append("| queue | labels | macro AUC | accuracy | precision SN_IA | precision SN_II | precision OTHER | takeover |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Simulation.Row row : r.rows()) {
            List<String> on = new ArrayList<>();
            row.takeover().forEach((c, d) -> {
                if (d.enabled()) {
                    on.add(c.name());
                }
            });
            b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s |%n", row.strategy(), row.labels(), f(row.macroAuc()),
                    f(row.accuracy()), f(row.precision().get(TransientClass.SN_IA)), f(row.precision().get(TransientClass.SN_II)),
                    f(row.precision().get(TransientClass.OTHER)), on.isEmpty() ? "-" : String.join(", ", on)));
        }
        b.append("\nTakeover switched on at (labels):\n\n| queue | SN_IA | SN_II | OTHER |\n|---|---:|---:|---:|\n");
        r.takeoverAt().forEach((q, m) -> b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", q,
                at(m, TransientClass.SN_IA), at(m, TransientClass.SN_II), at(m, TransientClass.OTHER))));
        return b.toString();
    }

    private static String at(Map<TransientClass, Integer> m, TransientClass c) {
        return m.containsKey(c) ? m.get(c).toString() : "never";
    }

    static String svg(Simulation.Result r) {
        int panelW = 360;
        int panelH = 240;
        int[] lx = {60, 60 + panelW + 70};
        int width = 2 * panelW + 150;
        int height = 2 * (panelH + 90) + 40;
        int maxLabels = r.rows().stream().mapToInt(Simulation.Row::labels).max().orElse(1);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
                + "aria-labelledby=\"t\" font-family=\"sans-serif\" font-size=\"12\">%n<title id=\"t\">Learning curves: macro AUC, accuracy and "
                + "per-class precision on the audit set against labels, random queue vs active-learning queue</title>%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>%n", width, height, width, height));
        String[] titles = {"macro AUC", "accuracy", "precision SN_IA / SN_II", "precision OTHER"};
        for (int panel = 0; panel < 4; panel++) {
            int x0 = lx[panel % 2];
            int y0 = 40 + (panel / 2) * (panelH + 90);
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s (audit set)</text>%n", x0, y0 - 10, titles[panel]));
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n", x0, y0, panelW, panelH));
            double lo = panel < 2 ? 0.5 : 0;
            for (int t = 0; t <= 5; t++) {
                double v = lo + (1 - lo) * t / 5;
                double yy = y0 + panelH - (v - lo) / (1 - lo) * panelH;
                b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" "
                        + "text-anchor=\"end\">%.1f</text>%n", x0, x0 + panelW, yy, yy, x0 - 4, yy + 4, v));
            }
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">0</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%,d labels</text>%n",
                    x0, y0 + panelH + 16, x0 + panelW, y0 + panelH + 16, maxLabels));
            for (int s = 0; s < Simulation.STRATEGIES.size(); s++) {
                String q = Simulation.STRATEGIES.get(s);
                List<TransientClass> classes = panel == 2 ? List.of(TransientClass.SN_IA, TransientClass.SN_II) : List.of(TransientClass.OTHER);
                int series = panel < 2 ? 1 : classes.size();
                for (int k = 0; k < series; k++) {
                    StringBuilder pts = new StringBuilder();
                    for (Simulation.Row row : r.rows()) {
                        if (!row.strategy().equals(q)) {
                            continue;
                        }
                        double v = switch (panel) {
                            case 0 -> row.macroAuc();
                            case 1 -> row.accuracy();
                            default -> row.precision().get(classes.get(k));
                        };
                        if (Double.isNaN(v)) {
                            continue;
                        }
                        double xx = x0 + (double) row.labels() / maxLabels * panelW;
                        double yy = y0 + panelH - (Math.max(lo, Math.min(1, v)) - lo) / (1 - lo) * panelH;
                        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", xx, yy));
                    }
                    b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n", COLOURS[s],
                            k == 1 ? " stroke-dasharray=\"6 3\"" : "", pts.toString().trim()));
                }
            }
        }
        int ly = height - 20;
        b.append(String.format(Locale.ROOT, "<line x1=\"60\" x2=\"90\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/><text x=\"95\" y=\"%d\">random queue</text>%n",
                ly, ly, COLOURS[0], ly + 4));
        b.append(String.format(Locale.ROOT, "<line x1=\"220\" x2=\"250\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/><text x=\"255\" y=\"%d\">active-learning "
                + "queue (entropy)</text><text x=\"480\" y=\"%d\">dashed: SN_II; AUC and accuracy axes from 0.5</text>%n", ly, ly, COLOURS[1], ly + 4, ly + 4));
        return b.append("</svg>\n").toString();
    }
}
