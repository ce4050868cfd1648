package org.ztfclass.models.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws the one-vs-rest ROC curves of one model as a standalone SVG document (a string): one
 * line per class, told apart by colour, line style and marker shape and named in a legend with
 * its AUC, plus the chance diagonal. A class whose curve is undefined (no positives or no
 * negatives) is not drawn; the legend and the description say so. The {@code <title>} names
 * the model; the {@code <desc>} states every AUC in words. Stateless and thread-safe.
 */
public final class RocSvg {

    private static final double LEFT = 72;
    private static final double TOP = 64;
    private static final double SIZE = 320;
    private static final double ROW = 22;

    private RocSvg() {
    }

    /** The ROC plot of an evaluation. */
    public static String render(Evaluation evaluation) {
        return render(evaluation.modelName(), evaluation.rocCurves());
    }

    /**
     * The ROC plot of the given curves.
     *
     * @param modelName model name for the title
     * @param curves    one curve per class, in class order
     * @throws IllegalArgumentException if an argument is null
     */
    public static String render(String modelName, List<RocCurve> curves) {
        if (modelName == null || curves == null) {
            throw new IllegalArgumentException((modelName == null ? "modelName" : "curves") + " is null");
        }
        String title = "ROC curves (one class vs rest) of " + modelName;
        StringBuilder desc = new StringBuilder("One-vs-rest ROC curves of model ").append(modelName)
                .append(". Horizontal axis: false positive rate; vertical axis: true positive rate; both from 0 to 1. ");
        for (int c = 0; c < curves.size(); c++) {
            RocCurve rc = curves.get(c);
            desc.append(rc.className()).append(": ");
            if (rc.isDefined()) {
                desc.append("AUC ").append(Fmt.num(rc.auc())).append(", drawn as ").append(SvgCanvas.style(c).description());
            } else {
                desc.append("not drawn, AUC undefined (").append(undefinedReason(rc)).append(')');
            }
            desc.append(". ");
        }
        desc.append("Grey dashed diagonal: chance level (AUC 0.5).");

        double legendTop = TOP + SIZE + 62;
        double height = legendTop + ROW * (curves.size() + 1) + 8;
        SvgCanvas svg = new SvgCanvas(LEFT + SIZE + 48, height, title, desc.toString());
        svg.text(LEFT + SIZE / 2, 24, "ROC curves (one class vs rest)", "middle", 15, "bold", "#000000", 0);
        svg.text(LEFT + SIZE / 2, 44, SvgCanvas.shorten(modelName, 48), "middle", 14, null, "#000000", 0);
        svg.unitAxes(LEFT, TOP, SIZE, "False positive rate", "True positive rate");
        svg.line(x(0), y(0), x(1), y(1), "#777777", 1.2, "5 5");

        for (int c = 0; c < curves.size(); c++) {
            RocCurve rc = curves.get(c);
            if (!rc.isDefined()) {
                continue;
            }
            SvgCanvas.Style st = SvgCanvas.style(c);
            svg.openGroup(rc.className() + " ROC curve, AUC " + Fmt.num(rc.auc()));
            List<RocPoint> pts = corners(rc.points());
            double[] xs = new double[pts.size()];
            double[] ys = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                xs[i] = x(pts.get(i).fpr());
                ys[i] = y(pts.get(i).tpr());
            }
            svg.polyline(xs, ys, st.colour(), 2.2, st.dash());
            for (int m = 0; m < 5; m++) {
                double f = 0.06 + 0.2 * m + 0.035 * (c % 4);
                svg.marker(st.marker(), x(f), y(rc.tprAt(f)), st.colour());
            }
            svg.closeGroup();
        }

        for (int c = 0; c < curves.size(); c++) {
            RocCurve rc = curves.get(c);
            SvgCanvas.Style st = SvgCanvas.style(c);
            double ly = legendTop + ROW * c;
            String label = rc.isDefined() ? rc.className() + ": AUC " + Fmt.num(rc.auc()) + " (" + rc.positives()
                    + " positives)" : rc.className() + ": not drawn, " + undefinedReason(rc);
            if (rc.isDefined()) {
                svg.line(LEFT - 40, ly - 4, LEFT - 4, ly - 4, st.colour(), 2.2, st.dash());
                svg.marker(st.marker(), LEFT - 22, ly - 4, st.colour());
            }
            svg.text(LEFT + 4, ly, label, "start");
        }
        double ly = legendTop + ROW * curves.size();
        svg.line(LEFT - 40, ly - 4, LEFT - 4, ly - 4, "#777777", 1.2, "5 5");
        svg.text(LEFT + 4, ly, "chance (AUC 0.5)", "start");
        return svg.finish();
    }

    static String undefinedReason(RocCurve rc) {
        return rc.positives() == 0 ? "no objects of this class" : "all objects of this class";
    }

    /** The points where the curve turns (runs of collinear horizontal or vertical points collapsed). */
    private static List<RocPoint> corners(List<RocPoint> points) {
        List<RocPoint> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (i > 0 && i < points.size() - 1) {
                RocPoint a = points.get(i - 1);
                RocPoint b = points.get(i);
                RocPoint c = points.get(i + 1);
                if ((a.fpr() == b.fpr() && b.fpr() == c.fpr()) || (a.tpr() == b.tpr() && b.tpr() == c.tpr())) {
                    continue;
                }
            }
            out.add(points.get(i));
        }
        return out;
    }

    private static double x(double fpr) {
        return LEFT + fpr * SIZE;
    }

    private static double y(double tpr) {
        return TOP + SIZE - tpr * SIZE;
    }
}
