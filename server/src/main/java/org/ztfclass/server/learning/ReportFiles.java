package org.ztfclass.server.learning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ztfclass.models.evaluation.ConfusionMatrixSvg;
import org.ztfclass.models.evaluation.Evaluation;
import org.ztfclass.models.evaluation.EvaluationJson;
import org.ztfclass.models.evaluation.HtmlReport;
import org.ztfclass.models.evaluation.ReliabilitySvg;
import org.ztfclass.models.evaluation.RocSvg;

/**
 * Writes an evaluation report into a folder: {@code evaluation.json} (every number),
 * {@code roc-N.svg}, {@code reliability-N.svg}, {@code confusion-N.svg} per model (N = its
 * position in the JSON) and {@code index.html}, one self-contained page with all of it.
 */
final class ReportFiles {

    /** File name of the early-classification plot. */
    static final String EARLY_SVG = "early-classification.svg";

    private ReportFiles() {
    }

    static void write(Path dir, String modelVersion, List<Evaluation> evaluations, List<String> notes) throws IOException {
        write(dir, modelVersion, evaluations, notes, null);
    }

    /** @param early the early-classification rows, written as a table and {@code early-classification.svg}; null for none */
    static void write(Path dir, String modelVersion, List<Evaluation> evaluations, List<String> notes,
                      org.ztfclass.models.evaluation.EarlyClassification early) throws IOException {
        EvaluationJson.write(evaluations, dir.resolve("evaluation.json"));
        for (int i = 0; i < evaluations.size(); i++) {
            Evaluation e = evaluations.get(i);
            Files.writeString(dir.resolve("roc-" + i + ".svg"), RocSvg.render(e), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("reliability-" + i + ".svg"), ReliabilitySvg.render(e), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("confusion-" + i + ".svg"), ConfusionMatrixSvg.render(e), StandardCharsets.UTF_8);
        }
        String html = HtmlReport.render("ztfclass model " + modelVersion + ": held-out evaluation", evaluations);
        StringBuilder note = new StringBuilder();
        if (early != null && !early.phases().isEmpty()) {
            Files.writeString(dir.resolve(EARLY_SVG), early.svg(), StandardCharsets.UTF_8);
            note.append("<h2 id=\"early\">Early classification</h2>\n").append(early.table()).append("<figure>").append(early.svg())
                    .append("<figcaption>Macro AUC, SN Ia precision and recall against days since the first detection</figcaption></figure>\n");
        }
        for (String n : notes) {
            note.append("<p>").append(n.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("</p>");
        }
        int at = html.lastIndexOf("</main>");
        html = at >= 0 ? html.substring(0, at) + note + html.substring(at) : html.replace("</body>", note + "</body>");
        Files.writeString(dir.resolve("index.html"), html, StandardCharsets.UTF_8);
    }
}
