package org.ztfclass.models.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Writes one self-contained HTML page that compares several evaluated models: a summary table
 * (one row per model: n, macro AUC and balanced accuracy with their 95% intervals, accuracy,
 * ECE, Brier score, log loss; the best value of each column marked), then, side by side, one
 * section per model with its per-class table, its confusion matrix (as a table and as a heat
 * map), its ROC curves and its reliability diagram, and a closing section defining every number.
 *
 * <p>The page is accessible and portable: {@code lang} and a {@code <title>}; a heading
 * hierarchy; every table has a {@code <caption>} and {@code scope} on its header cells; every
 * plot is inline SVG with {@code role="img"}, an {@code aria-label}, a {@code <title>} and a
 * {@code <desc>}, and its numbers are also in a table; nothing relies on colour alone. It has no
 * script and loads nothing (styles inline). The markup is well-formed XHTML (it parses as XML)
 * served equally well as HTML5. Undefined numbers read "undefined". The output depends only on
 * the evaluations (no time stamp), so it is reproducible. Stateless and thread-safe.
 */
public final class HtmlReport {

    private static final String CSS = """
            body { font-family: Helvetica, Arial, sans-serif; margin: 1.5rem; color: #111; background: #fff; line-height: 1.4; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.35rem; margin-top: 2rem; } h3 { font-size: 1.2rem; } h4 { font-size: 1.05rem; }
            table { border-collapse: collapse; margin: 0.5rem 0 1.2rem; }
            caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
            th, td { border: 1px solid #888; padding: 0.25rem 0.5rem; text-align: right; vertical-align: top; }
            th[scope=row], thead th { text-align: left; background: #eef2f7; }
            .models { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 2rem; }
            .model { border-top: 3px solid #08519c; padding-top: 0.5rem; min-width: 0; }
            figure { margin: 0.5rem 0 1.5rem; }
            svg.plot { width: 100%; max-width: 32rem; height: auto; display: block; }
            .note { font-size: 0.9rem; color: #333; }
            .best { font-weight: bold; }
            .table-wrap { overflow-x: auto; }
            """;

    private HtmlReport() {
    }

    /**
     * The report page.
     *
     * @param title       page title and main heading
     * @param evaluations the models to compare, at least one, in display order
     * @return the page, as a string
     * @throws IllegalArgumentException if the title is blank or there is no evaluation
     */
    public static String render(String title, List<Evaluation> evaluations) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is " + (title == null ? "null" : "blank"));
        }
        if (evaluations == null || evaluations.isEmpty()) {
            throw new IllegalArgumentException("evaluations is " + (evaluations == null ? "null" : "empty")
                    + "; the report needs at least one model");
        }
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n")
                .append("<body>\n<main>\n<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p>").append(evaluations.size()).append(evaluations.size() == 1 ? " model" : " models")
                .append(" evaluated. Intervals are 95% percentile-bootstrap intervals; \"undefined\" marks a number the data"
                        + " cannot give (for example the AUC of a class with no objects). Definitions are at the end.</p>\n");
        summary(h, evaluations);
        h.append("<h2 id=\"models\">Models in detail</h2>\n<div class=\"models\">\n");
        for (int m = 0; m < evaluations.size(); m++) {
            model(h, evaluations.get(m), m + 1);
        }
        h.append("</div>\n");
        definitions(h, evaluations);
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Writes {@link #render(String, List)} to {@code file} in UTF-8, replacing it. */
    public static void write(Path file, String title, List<Evaluation> evaluations) throws IOException {
        Files.writeString(file, render(title, evaluations), StandardCharsets.UTF_8);
    }

    private static void summary(StringBuilder h, List<Evaluation> evs) {
        h.append("<h2 id=\"summary\">Summary</h2>\n<div class=\"table-wrap\">\n<table>\n<caption>Summary: one row per model");
        if (evs.size() > 1) {
            h.append("; the best value of each column is in bold and marked “best”");
        }
        h.append("</caption>\n<thead>\n<tr><th scope=\"col\">Model</th><th scope=\"col\">Objects (per class)</th>"
                + "<th scope=\"col\">Macro AUC [95% CI]</th><th scope=\"col\">Balanced accuracy [95% CI]</th>"
                + "<th scope=\"col\">Accuracy</th><th scope=\"col\">ECE</th><th scope=\"col\">Brier score</th>"
                + "<th scope=\"col\">Log loss</th></tr>\n</thead>\n<tbody>\n");
        double bestAuc = best(evs, e -> e.macroAuc().value(), true);
        double bestBal = best(evs, Evaluation::balancedAccuracy, true);
        double bestAcc = best(evs, Evaluation::accuracy, true);
        double bestEce = best(evs, e -> e.calibration().expectedCalibrationError(), false);
        double bestBrier = best(evs, e -> e.calibration().brierScore(), false);
        double bestLog = best(evs, e -> e.calibration().logLoss(), false);
        boolean mark = evs.size() > 1;
        for (Evaluation e : evs) {
            h.append("<tr><th scope=\"row\">").append(esc(e.modelName())).append("</th><td>").append(e.n()).append(" (");
            for (int c = 0; c < e.numClasses(); c++) {
                h.append(c == 0 ? "" : ", ").append(esc(e.classNames().get(c))).append(' ').append(e.nPerClass().get(c));
            }
            h.append(")</td>");
            MacroAuc macro = e.macroAuc();
            cell(h, Fmt.withInterval(macro.value(), e.macroAucCi()), mark && macro.value() == bestAuc,
                    macro.definedClasses() + " of " + macro.totalClasses() + " classes");
            cell(h, Fmt.withInterval(e.balancedAccuracy(), e.balancedAccuracyCi()), mark && e.balancedAccuracy() == bestBal,
                    null);
            cell(h, Fmt.num(e.accuracy()), mark && e.accuracy() == bestAcc, null);
            Calibration cal = e.calibration();
            cell(h, Fmt.num(cal.expectedCalibrationError()), mark && cal.expectedCalibrationError() == bestEce, null);
            cell(h, Fmt.num(cal.brierScore()), mark && cal.brierScore() == bestBrier, null);
            cell(h, Fmt.num(cal.logLoss()), mark && cal.logLoss() == bestLog, null);
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
        boolean sameData = evs.stream().map(e -> e.classNames() + "/" + e.nPerClass()).distinct().count() == 1;
        if (!sameData) {
            h.append("<p class=\"note\"><strong>Caution:</strong> these models were not evaluated on the same classes and"
                    + " class counts, so their numbers are not directly comparable.</p>\n");
        }
    }

    private static void model(StringBuilder h, Evaluation e, int index) {
        String id = "model-" + index;
        String name = esc(e.modelName());
        h.append("<section class=\"model\" aria-labelledby=\"").append(id).append("\">\n<h3 id=\"").append(id).append("\">")
                .append(name).append("</h3>\n");
        h.append("<p class=\"note\">").append(e.n()).append(" objects; macro AUC ")
                .append(esc(Fmt.withInterval(e.macroAuc().value(), e.macroAucCi()))).append(" over ")
                .append(e.macroAuc().definedClasses()).append(" of ").append(e.macroAuc().totalClasses())
                .append(" classes; bootstrap: ").append(e.bootstrapRounds()).append(" rounds, seed ").append(e.bootstrapSeed())
                .append(".</p>\n");

        h.append("<h4>Per class</h4>\n<div class=\"table-wrap\">\n<table>\n<caption>Per-class metrics of ").append(name)
                .append(" (AUC: one class vs rest)</caption>\n<thead>\n<tr><th scope=\"col\">Class</th>"
                        + "<th scope=\"col\">Support</th><th scope=\"col\">AUC [95% CI]</th><th scope=\"col\">Precision</th>"
                        + "<th scope=\"col\">Recall</th><th scope=\"col\">F1</th></tr>\n</thead>\n<tbody>\n");
        for (ClassMetrics m : e.perClass()) {
            h.append("<tr><th scope=\"row\">").append(esc(m.className())).append("</th><td>").append(m.support())
                    .append("</td><td>").append(esc(Fmt.withInterval(m.auc(), m.aucCi()))).append("</td><td>")
                    .append(Fmt.num(m.precision())).append("</td><td>").append(Fmt.num(m.recall())).append("</td><td>")
                    .append(Fmt.num(m.f1())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");

        h.append("<h4>Confusion matrix</h4>\n<div class=\"table-wrap\">\n<table>\n<caption>Confusion matrix of ").append(name)
                .append(": rows are true classes, columns predicted classes (most probable class)</caption>\n<thead>\n<tr>"
                        + "<th scope=\"col\">True \\ predicted</th>");
        for (String c : e.classNames()) {
            h.append("<th scope=\"col\">").append(esc(c)).append("</th>");
        }
        h.append("</tr>\n</thead>\n<tbody>\n");
        ConfusionMatrix cm = e.confusionMatrix();
        for (int t = 0; t < e.numClasses(); t++) {
            h.append("<tr><th scope=\"row\">").append(esc(e.classNames().get(t))).append("</th>");
            for (int p = 0; p < e.numClasses(); p++) {
                h.append("<td>").append(cm.count(t, p)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
        figure(h, ConfusionMatrixSvg.render(e), "Heat map of the confusion matrix above; each cell also gives its share of"
                + " the true class.");

        h.append("<h4>ROC curves</h4>\n");
        figure(h, RocSvg.render(e), "One-vs-rest ROC curves with each class's AUC; the dashed diagonal is chance.");

        h.append("<h4>Calibration</h4>\n");
        Calibration cal = e.calibration();
        h.append("<p class=\"note\">ECE ").append(Fmt.num(cal.expectedCalibrationError())).append(", Brier score ")
                .append(Fmt.num(cal.brierScore())).append(", log loss ").append(Fmt.num(cal.logLoss())).append(".</p>\n");
        figure(h, ReliabilitySvg.render(e), "Reliability diagram: bars below the diagonal mean over-confidence.");
        h.append("<div class=\"table-wrap\">\n<table>\n<caption>Reliability bins of ").append(name)
                .append(" (empty bins omitted)</caption>\n<thead>\n<tr><th scope=\"col\">Confidence bin</th>"
                        + "<th scope=\"col\">Objects</th><th scope=\"col\">Mean confidence</th>"
                        + "<th scope=\"col\">Accuracy</th></tr>\n</thead>\n<tbody>\n");
        for (CalibrationBin b : cal.bins()) {
            if (b.isEmpty()) {
                continue;
            }
            boolean last = b.upper() >= 1;
            h.append("<tr><th scope=\"row\">[").append(Fmt.num(b.lower(), 1)).append(", ").append(Fmt.num(b.upper(), 1))
                    .append(last ? "]" : ")").append("</th><td>").append(b.count()).append("</td><td>")
                    .append(Fmt.num(b.meanConfidence())).append("</td><td>").append(Fmt.num(b.accuracy()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static void definitions(StringBuilder h, List<Evaluation> evs) {
        int rounds = evs.get(0).bootstrapRounds();
        h.append("<h2 id=\"definitions\">How the numbers are computed</h2>\n<dl>\n")
                .append("<dt>AUC</dt><dd>Area under the one-vs-rest ROC curve, computed exactly as the Mann–Whitney"
                        + " statistic: the probability that an object of the class gets a higher probability of that class"
                        + " than an object of another class, ties counting one half. 0.5 is chance, 1 perfect. Undefined"
                        + " when the class has no objects, or only objects of that class.</dd>\n")
                .append("<dt>Macro AUC</dt><dd>Mean of the per-class AUCs that are defined; the number of classes that"
                        + " entered the mean is shown beside it.</dd>\n")
                .append("<dt>Predicted class</dt><dd>The most probable class (ties go to the first class listed).</dd>\n")
                .append("<dt>Precision, recall, F1</dt><dd>Of the predicted class, per class: precision = correct / predicted"
                        + " as the class; recall = correct / objects of the class; F1 = their harmonic mean.</dd>\n")
                .append("<dt>Accuracy, balanced accuracy</dt><dd>Accuracy: fraction of objects predicted correctly."
                        + " Balanced accuracy: mean recall over the classes that have objects, so a rare class counts as"
                        + " much as a common one.</dd>\n")
                .append("<dt>95% CI</dt><dd>Percentile bootstrap: the objects are resampled with replacement");
        if (evs.stream().allMatch(e -> e.bootstrapRounds() == rounds)) {
            h.append(' ').append(rounds).append(" times");
        }
        h.append(" with a fixed seed, and the interval runs from the 2.5th to the 97.5th percentile of the"
                        + " resampled values.</dd>\n")
                .append("<dt>Reliability diagram, ECE</dt><dd>Objects are binned by their largest probability (the"
                        + " confidence); in a calibrated model each bin’s accuracy equals its mean confidence. Expected"
                        + " calibration error (ECE) is the object-weighted mean gap; 0 is perfect.</dd>\n")
                .append("<dt>Brier score</dt><dd>Mean over objects of the squared distance between the probability"
                        + " vector and the true class’s indicator vector; 0 is perfect, 2 the worst.</dd>\n")
                .append("<dt>Log loss</dt><dd>Mean of −ln(probability given to the true class), that probability clipped"
                        + " at 1e-15; lower is better.</dd>\n</dl>\n");
    }

    private static void figure(StringBuilder h, String svg, String caption) {
        h.append("<figure>\n").append(svg).append("<figcaption class=\"note\">").append(esc(caption))
                .append("</figcaption>\n</figure>\n");
    }

    private static void cell(StringBuilder h, String value, boolean best, String note) {
        h.append(best ? "<td class=\"best\">" : "<td>").append(esc(value));
        if (best) {
            h.append(" (best)");
        }
        if (note != null) {
            h.append("<br/><span class=\"note\">").append(esc(note)).append("</span>");
        }
        h.append("</td>");
    }

    /** The best defined value of a column (max or min), NaN if none is defined. */
    private static double best(List<Evaluation> evs, ToDoubleFunction<Evaluation> metric, boolean higherIsBetter) {
        double best = Double.NaN;
        for (Evaluation e : evs) {
            double v = metric.applyAsDouble(e);
            if (!Double.isNaN(v) && (Double.isNaN(best) || (higherIsBetter ? v > best : v < best))) {
                best = v;
            }
        }
        return best;
    }

    private static String esc(String s) {
        return Xml.escape(s);
    }
}
