package org.ztfclass.models.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.features.LightCurveFeatures;
import org.ztfclass.votables.domain.Detection;

/**
 * How well a model classifies a transient as a function of days since its first detection: what
 * an astronomer deciding on a spectrum needs to know. Each phase is an {@link Evaluation} of the
 * model on the same objects, their light curves cut to the first {@link #PHASES} days (and
 * whole), with no catalogue summary (which only exists once the transient has faded). Renders a
 * table (HTML) and a plot (SVG) of macro AUC and SN Ia precision and recall against phase.
 *
 * @param phases    one row per phase, in {@link #PHASES} order then the whole light curve
 * @param labels    phase labels ("5 d", …, "all")
 */
public record EarlyClassification(List<Evaluation> phases, List<String> labels) {

    /** Days since the first detection at which light curves are cut. */
    public static final double[] PHASES = {5, 10, 20, 40};
    /** Name prefix of the phase rows in a report. */
    public static final String PREFIX = "early: ";
    /** The class whose precision and recall are plotted. */
    public static final String SN_IA = "SN_IA";

    public EarlyClassification {
        if (phases.size() != labels.size()) {
            throw new IllegalArgumentException("one label per phase");
        }
        phases = List.copyOf(phases);
        labels = List.copyOf(labels);
    }

    /** @return the row name of a phase ("early: served, first 5 d (412 objects)") */
    public static String rowName(String model, String phase, int n) {
        return PREFIX + model + ", " + ("all".equals(phase) ? "whole light curve" : "first " + phase) + " (" + n + " objects)";
    }

    /** @return the phase labels of {@link #PHASES} and "all" */
    public static List<String> phaseLabels() {
        List<String> out = new ArrayList<>();
        for (double d : PHASES) {
            out.add(String.format(Locale.ROOT, "%.0f d", d));
        }
        out.add("all");
        return out;
    }

    /** @return true if the object has a light curve to cut (at least one usable detection) */
    public static boolean applies(ObjectData o) {
        return LightCurveFeatures.usableDetections(o.lightCurve()) > 0;
    }

    /**
     * @param phase index into {@link #phaseLabels()}: {@link #PHASES} in order, then the whole light curve
     * @return the object as a model would have seen it then: its light curve cut to the first
     *         {@code PHASES[phase]} days after the first detection (whole for the last phase), its
     *         catalogue summary dropped
     */
    public static ObjectData atPhase(ObjectData o, int phase) {
        List<Detection> curve = phase < PHASES.length ? LightCurveFeatures.firstDays(o.lightCurve(), PHASES[phase]) : o.lightCurve();
        return new ObjectData(o.objectId(), o.ra(), o.dec(), curve, null, o.context(), o.cutouts());
    }

    /** @return precision and recall of SN Ia in an evaluation (NaN if it has no such class) */
    public static double[] snIaPrecisionRecall(Evaluation e) {
        for (ClassMetrics c : e.perClass()) {
            if (SN_IA.equals(c.className())) {
                return new double[] {c.precision(), c.recall()};
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    /** @return an HTML table: phase, objects, macro AUC [95% CI], balanced accuracy, SN Ia precision, SN Ia recall */
    public String table() {
        StringBuilder h = new StringBuilder("<div class=\"table-wrap\"><table>\n<caption>Early classification: the served model on "
                + "light curves cut to the first days after the first detection (no catalogue summary)</caption>\n<thead><tr>"
                + "<th scope=\"col\">Days since first detection</th><th scope=\"col\">Objects</th><th scope=\"col\">Macro AUC [95% CI]</th>"
                + "<th scope=\"col\">Balanced accuracy</th><th scope=\"col\">SN Ia precision</th><th scope=\"col\">SN Ia recall</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < phases.size(); i++) {
            Evaluation e = phases.get(i);
            double[] pr = snIaPrecisionRecall(e);
            h.append("<tr><th scope=\"row\">").append(Xml.escape(labels.get(i))).append("</th><td>").append(e.n()).append("</td><td>")
                    .append(f(e.macroAuc().value())).append(" [").append(f(e.macroAucCi().lower())).append(", ")
                    .append(f(e.macroAucCi().upper())).append("]</td><td>").append(f(e.balancedAccuracy())).append("</td><td>")
                    .append(f(pr[0])).append("</td><td>").append(f(pr[1])).append("</td></tr>\n");
        }
        return h.append("</tbody></table></div>\n").toString();
    }

    /** @return an SVG line plot of macro AUC, SN Ia precision and SN Ia recall (0.3–1) against phase */
    public String svg() {
        int w = 480;
        int hgt = 300;
        int left = 50;
        int right = 130;
        int top = 20;
        int bottom = 40;
        double plotW = w - left - right;
        double plotH = hgt - top - bottom;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" viewBox=\"0 0 ").append(w).append(' ').append(hgt)
                .append("\" role=\"img\" aria-labelledby=\"early-title\"><title id=\"early-title\">Early classification: macro AUC, "
                        + "SN Ia precision and recall against days since first detection</title>\n");
        s.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(plotW).append("\" height=\"")
                .append(plotH).append("\" fill=\"none\" stroke=\"#555\"/>\n");
        for (double v = 0.4; v <= 1.0001; v += 0.1) {
            double y = top + plotH * (1 - (v - 0.3) / 0.7);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.1f</text>\n", left, left + plotW, y, y, left - 4, y + 4, v));
        }
        int n = phases.size();
        for (int i = 0; i < n; i++) {
            double x = left + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n", x,
                    top + (int) plotH + 16, Xml.escape(labels.get(i))));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">days since first detection</text>\n",
                left + plotW / 2, hgt - 6));
        String[] names = {"macro AUC", "SN Ia precision", "SN Ia recall"};
        String[] colours = {"#1b5e20", "#0d47a1", "#b71c1c"};
        String[] dashes = {"", " stroke-dasharray=\"6 3\"", " stroke-dasharray=\"2 3\""};
        for (int k = 0; k < 3; k++) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Evaluation e = phases.get(i);
                double v = k == 0 ? e.macroAuc().value() : snIaPrecisionRecall(e)[k - 1];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double x = left + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
                double y = top + plotH * (1 - (Math.max(0.3, Math.min(1, v)) - 0.3) / 0.7);
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x, y, colours[k]));
            }
            s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colours[k]).append("\" stroke-width=\"2\"")
                    .append(dashes[k]).append("/>\n");
            double ly = top + 15 + 18 * k;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>\n", left + plotW + 8, left + plotW + 28, ly, ly, colours[k], dashes[k],
                    left + plotW + 32, ly + 4, names[k]));
        }
        return s.append("</svg>\n").toString();
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "–";
    }
}
