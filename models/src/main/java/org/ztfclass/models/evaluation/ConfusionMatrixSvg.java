package org.ztfclass.models.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * Draws a confusion matrix as a heat map in a standalone SVG document (a string): rows are true
 * classes, columns predicted classes; each cell shows its count and its share of the row (the
 * recall-style percentage), and its shade encodes that share, so the numbers carry the
 * information without the colour. Cell text is black or white, whichever contrasts more with
 * the shade. The {@code <desc>} lists the whole matrix in words. Stateless and thread-safe.
 */
public final class ConfusionMatrixSvg {

    private static final double CELL = 84;
    private static final double TOP = 76;
    private static final int[] LIGHT = {247, 251, 255};
    private static final int[] DARK = {8, 48, 107};

    private ConfusionMatrixSvg() {
    }

    /** The heat map of an evaluation's confusion matrix. */
    public static String render(Evaluation evaluation) {
        return render(evaluation.modelName(), evaluation.confusionMatrix(), evaluation.classNames());
    }

    /**
     * The heat map of a confusion matrix.
     *
     * @throws IllegalArgumentException on a null argument or if the class names do not match the matrix
     */
    public static String render(String modelName, ConfusionMatrix matrix, List<String> classNames) {
        if (modelName == null || matrix == null) {
            throw new IllegalArgumentException((modelName == null ? "modelName" : "matrix") + " is null");
        }
        EvaluationInputs.checkClassNames(classNames);
        int k = matrix.numClasses();
        if (classNames.size() != k) {
            throw new IllegalArgumentException("classNames has " + classNames.size() + " entries but the matrix is " + k
                    + "×" + k);
        }
        String title = "Confusion matrix of " + modelName;
        StringBuilder desc = new StringBuilder("Confusion matrix of model ").append(modelName)
                .append(", predicted class = most probable class. Rows: true class; columns: predicted class. ");
        for (int t = 0; t < k; t++) {
            desc.append("True ").append(classNames.get(t)).append(" (").append(matrix.support(t)).append(" objects): ");
            for (int p = 0; p < k; p++) {
                desc.append(p == 0 ? "" : ", ").append("predicted ").append(classNames.get(p)).append(' ')
                        .append(matrix.count(t, p));
            }
            desc.append(". ");
        }

        int longest = classNames.stream().mapToInt(String::length).max().orElse(0);
        double left = Math.min(260, Math.max(110, 48 + 8 * longest));
        double width = Math.max(380, left + k * CELL + 24);
        double height = TOP + k * CELL + 80;
        SvgCanvas svg = new SvgCanvas(width, height, title, desc.toString().trim());
        svg.text(width / 2, 24, SvgCanvas.shorten(title, 44), "middle", 15, "bold", "#000000", 0);
        svg.text(left + k * CELL / 2, 46, "Predicted class", "middle", 14, "bold", "#000000", 0);
        svg.text(20, TOP + k * CELL / 2, "True class", "middle", 14, "bold", "#000000", -90);
        for (int p = 0; p < k; p++) {
            svg.text(left + (p + 0.5) * CELL, TOP - 8, classNames.get(p), "middle");
        }
        for (int t = 0; t < k; t++) {
            double rowY = TOP + t * CELL;
            svg.text(left - 8, rowY + CELL / 2 + 4, classNames.get(t), "end");
            int support = matrix.support(t);
            for (int p = 0; p < k; p++) {
                double share = support == 0 ? Double.NaN : matrix.count(t, p) / (double) support;
                int[] rgb = shade(Double.isNaN(share) ? 0 : share);
                String fill = String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
                String ink = luminance(rgb) > 0.18 ? "#000000" : "#ffffff";
                double cx = left + p * CELL;
                svg.rect(cx, rowY, CELL, CELL, fill, "#ffffff");
                svg.text(cx + CELL / 2, rowY + CELL / 2 - 2, Integer.toString(matrix.count(t, p)), "middle", 17, "bold",
                        ink, 0);
                svg.text(cx + CELL / 2, rowY + CELL / 2 + 17, Double.isNaN(share) ? "–" : Fmt.percent(share), "middle",
                        12, null, ink, 0);
            }
        }
        svg.rect(left, TOP, k * CELL, k * CELL, "none", "#000000");
        svg.text(8, TOP + k * CELL + 28, "Number: objects. Percentage and shade: share of", "start", 12, null, "#000000", 0);
        svg.text(8, TOP + k * CELL + 46, "the true class's objects (row). Diagonal: correct.", "start", 12, null, "#000000", 0);
        return svg.finish();
    }

    /** Linear interpolation from a light to a dark blue. */
    private static int[] shade(double share) {
        int[] rgb = new int[3];
        for (int i = 0; i < 3; i++) {
            rgb[i] = (int) Math.round(LIGHT[i] + (DARK[i] - LIGHT[i]) * share);
        }
        return rgb;
    }

    /** WCAG relative luminance; black text contrasts more than white above about 0.18. */
    private static double luminance(int[] rgb) {
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255.0;
            c = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
            l += weights[i] * c;
        }
        return l;
    }
}
