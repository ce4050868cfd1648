package org.ztfclass.models.evaluation;

/**
 * Draws a reliability diagram as a standalone SVG document (a string): for each non-empty
 * confidence bin a bar whose height is the bin's accuracy, with its object count at its foot, and a
 * line of circles at (mean confidence, accuracy); the diagonal is perfect calibration. Points
 * below the diagonal mean over-confidence. The legend gives ECE, Brier score and log loss; the
 * {@code <desc>} lists every non-empty bin in words. Stateless and thread-safe.
 */
public final class ReliabilitySvg {

    private static final double LEFT = 72;
    private static final double TOP = 64;
    private static final double SIZE = 320;
    private static final double ROW = 22;
    private static final String BAR_FILL = "#c6dbef";
    private static final String BAR_STROKE = "#08519c";

    private ReliabilitySvg() {
    }

    /** The reliability diagram of an evaluation. */
    public static String render(Evaluation evaluation) {
        return render(evaluation.modelName(), evaluation.calibration());
    }

    /**
     * The reliability diagram of a calibration.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static String render(String modelName, Calibration calibration) {
        if (modelName == null || calibration == null) {
            throw new IllegalArgumentException((modelName == null ? "modelName" : "calibration") + " is null");
        }
        String title = "Reliability diagram of " + modelName;
        String scores = "ECE " + Fmt.num(calibration.expectedCalibrationError()) + ", Brier score "
                + Fmt.num(calibration.brierScore()) + ", log loss " + Fmt.num(calibration.logLoss());
        StringBuilder desc = new StringBuilder("Reliability diagram of model ").append(modelName)
                .append(". Horizontal axis: confidence (largest class probability) in ").append(calibration.bins().size())
                .append(" equal bins from 0 to 1; vertical axis: accuracy (fraction of objects whose most probable class is"
                        + " right). The diagonal is perfect calibration; points below it mean over-confidence. ");
        int nonEmpty = 0;
        for (CalibrationBin b : calibration.bins()) {
            if (b.isEmpty()) {
                continue;
            }
            nonEmpty++;
            desc.append("Bin ").append(Fmt.num(b.lower(), 1)).append(" to ").append(Fmt.num(b.upper(), 1)).append(": ")
                    .append(b.count()).append(" objects, mean confidence ").append(Fmt.num(b.meanConfidence()))
                    .append(", accuracy ").append(Fmt.num(b.accuracy())).append(". ");
        }
        if (nonEmpty == 0) {
            desc.append("No objects. ");
        }
        desc.append(scores).append('.');

        double legendTop = TOP + SIZE + 62;
        SvgCanvas svg = new SvgCanvas(LEFT + SIZE + 48, legendTop + ROW * 4 + 8, title, desc.toString());
        svg.text(LEFT + SIZE / 2, 24, "Reliability diagram", "middle", 15, "bold", "#000000", 0);
        svg.text(LEFT + SIZE / 2, 44, SvgCanvas.shorten(modelName, 48), "middle", 14, null, "#000000", 0);
        svg.unitAxes(LEFT, TOP, SIZE, "Confidence (largest probability)", "Accuracy");

        svg.openGroup("bars: accuracy of each bin, labelled with its object count");
        for (CalibrationBin b : calibration.bins()) {
            if (b.isEmpty()) {
                continue;
            }
            double x0 = x(b.lower()) + 1;
            double w = (b.upper() - b.lower()) * SIZE - 2;
            double top = y(b.accuracy());
            svg.rect(x0, top, w, TOP + SIZE - top, BAR_FILL, BAR_STROKE);
            svg.text(x0 + w / 2, TOP + SIZE - 5, Integer.toString(b.count()), "middle", 11, null, "#000000", 0);
        }
        svg.closeGroup();
        svg.line(x(0), y(0), x(1), y(1), "#777777", 1.2, "5 5");

        svg.openGroup("circles: mean confidence against accuracy of each bin");
        SvgCanvas.Style st = SvgCanvas.style(0);
        double[] xs = new double[nonEmpty];
        double[] ys = new double[nonEmpty];
        int i = 0;
        for (CalibrationBin b : calibration.bins()) {
            if (!b.isEmpty()) {
                xs[i] = x(b.meanConfidence());
                ys[i] = y(b.accuracy());
                i++;
            }
        }
        if (nonEmpty > 1) {
            svg.polyline(xs, ys, st.colour(), 2, "");
        }
        for (int j = 0; j < nonEmpty; j++) {
            svg.marker("circle", xs[j], ys[j], st.colour());
        }
        svg.closeGroup();

        double ly = legendTop;
        svg.rect(LEFT - 36, ly - 12, 28, 12, BAR_FILL, BAR_STROKE);
        svg.text(LEFT + 4, ly, "bar: accuracy of a bin; number: its objects", "start");
        ly += ROW;
        svg.line(LEFT - 40, ly - 4, LEFT - 4, ly - 4, st.colour(), 2, "");
        svg.marker("circle", LEFT - 22, ly - 4, st.colour());
        svg.text(LEFT + 4, ly, "circle: mean confidence vs accuracy", "start");
        ly += ROW;
        svg.line(LEFT - 40, ly - 4, LEFT - 4, ly - 4, "#777777", 1.2, "5 5");
        svg.text(LEFT + 4, ly, "perfect calibration", "start");
        ly += ROW;
        svg.text(LEFT + 4, ly, scores, "start", 13, "bold", "#000000", 0);
        return svg.finish();
    }

    private static double x(double confidence) {
        return LEFT + confidence * SIZE;
    }

    private static double y(double accuracy) {
        return TOP + SIZE - accuracy * SIZE;
    }
}
