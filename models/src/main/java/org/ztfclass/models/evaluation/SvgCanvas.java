package org.ztfclass.models.evaluation;

import java.util.List;

/**
 * A minimal builder of standalone SVG documents shared by the plot writers; package-private and
 * not thread-safe (one instance per plot).
 *
 * <p>Every document it builds has the SVG namespace, a {@code viewBox} and no fixed size (so it
 * scales to its container), {@code role="img"} with an {@code aria-label}, and a
 * {@code <title>} and {@code <desc>} as first children. Series are told apart by line style and
 * marker shape as well as colour ({@link #STYLES}), so the plots read in grey scale.
 */
final class SvgCanvas {

    /** A line style: colour (Okabe–Ito palette, safe for colour-blind readers), dash pattern, marker, and their names. */
    record Style(String colour, String dash, String marker, String description) {
    }

    /** Styles for the series of a plot, cycled if there are more series. */
    static final List<Style> STYLES = List.of(
            new Style("#0072B2", "", "circle", "solid line, circles"),
            new Style("#D55E00", "9 4", "square", "dashed line, squares"),
            new Style("#009E73", "2 3", "triangle", "dotted line, triangles"),
            new Style("#CC79A7", "9 3 2 3", "diamond", "dash-dot line, diamonds"),
            new Style("#E69F00", "14 4", "cross", "long-dashed line, crosses"),
            new Style("#56B4E9", "4 2", "circle", "short-dashed line, circles"),
            new Style("#000000", "1 2 6 2", "square", "dot-dash line, squares"));

    /** The style of series {@code i}. */
    static Style style(int i) {
        return STYLES.get(i % STYLES.size());
    }

    /** {@code s} cut to {@code max} characters with an ellipsis, for visible labels (titles keep the full text). */
    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private final StringBuilder out = new StringBuilder(8192);

    /** Starts a document of the given user-space size. */
    SvgCanvas(double width, double height, String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(Fmt.coord(width)).append(' ')
                .append(Fmt.coord(height)).append("\" role=\"img\" aria-label=\"").append(Xml.escape(title))
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\" class=\"plot\">\n");
        out.append("<title>").append(Xml.escape(title)).append("</title>\n");
        out.append("<desc>").append(Xml.escape(description)).append("</desc>\n");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(Fmt.coord(width)).append("\" height=\"").append(Fmt.coord(height))
                .append("\" fill=\"#ffffff\"/>\n");
    }

    SvgCanvas line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        out.append("<line x1=\"").append(Fmt.coord(x1)).append("\" y1=\"").append(Fmt.coord(y1)).append("\" x2=\"")
                .append(Fmt.coord(x2)).append("\" y2=\"").append(Fmt.coord(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(Fmt.coord(width)).append('"');
        dash(dash);
        out.append("/>\n");
        return this;
    }

    /** A polyline through {@code xs[i], ys[i]}. */
    SvgCanvas polyline(double[] xs, double[] ys, String stroke, double width, String dash) {
        out.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(Fmt.coord(width))
                .append("\" stroke-linejoin=\"round\"");
        dash(dash);
        out.append(" points=\"");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(Fmt.coord(xs[i])).append(',').append(Fmt.coord(ys[i]));
        }
        out.append("\"/>\n");
        return this;
    }

    SvgCanvas rect(double x, double y, double w, double h, String fill, String stroke) {
        out.append("<rect x=\"").append(Fmt.coord(x)).append("\" y=\"").append(Fmt.coord(y)).append("\" width=\"")
                .append(Fmt.coord(w)).append("\" height=\"").append(Fmt.coord(h)).append("\" fill=\"").append(fill)
                .append('"');
        if (stroke != null) {
            out.append(" stroke=\"").append(stroke).append('"');
        }
        out.append("/>\n");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end; {@code rotate} in degrees about (x, y). */
    SvgCanvas text(double x, double y, String text, String anchor, int size, String weight, String fill, double rotate) {
        out.append("<text x=\"").append(Fmt.coord(x)).append("\" y=\"").append(Fmt.coord(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-size=\"").append(size).append('"');
        if (weight != null) {
            out.append(" font-weight=\"").append(weight).append('"');
        }
        if (fill != null) {
            out.append(" fill=\"").append(fill).append('"');
        }
        if (rotate != 0) {
            out.append(" transform=\"rotate(").append(Fmt.coord(rotate)).append(' ').append(Fmt.coord(x)).append(' ')
                    .append(Fmt.coord(y)).append(")\"");
        }
        out.append('>').append(Xml.escape(text)).append("</text>\n");
        return this;
    }

    SvgCanvas text(double x, double y, String text, String anchor) {
        return text(x, y, text, anchor, 13, null, "#000000", 0);
    }

    /** A marker of the given shape ({@code circle, square, triangle, diamond, cross}) centred on (x, y). */
    SvgCanvas marker(String shape, double x, double y, String colour) {
        double r = 4.5;
        String common = " fill=\"#ffffff\" stroke=\"" + colour + "\" stroke-width=\"1.8\"/>\n";
        switch (shape) {
            case "square" -> out.append("<rect x=\"").append(Fmt.coord(x - r)).append("\" y=\"").append(Fmt.coord(y - r))
                    .append("\" width=\"").append(Fmt.coord(2 * r)).append("\" height=\"").append(Fmt.coord(2 * r))
                    .append('"').append(common);
            case "triangle" -> out.append("<polygon points=\"").append(Fmt.coord(x)).append(',').append(Fmt.coord(y - r - 1))
                    .append(' ').append(Fmt.coord(x + r + 0.5)).append(',').append(Fmt.coord(y + r - 0.5)).append(' ')
                    .append(Fmt.coord(x - r - 0.5)).append(',').append(Fmt.coord(y + r - 0.5)).append('"').append(common);
            case "diamond" -> out.append("<polygon points=\"").append(Fmt.coord(x)).append(',').append(Fmt.coord(y - r - 1))
                    .append(' ').append(Fmt.coord(x + r + 1)).append(',').append(Fmt.coord(y)).append(' ')
                    .append(Fmt.coord(x)).append(',').append(Fmt.coord(y + r + 1)).append(' ').append(Fmt.coord(x - r - 1))
                    .append(',').append(Fmt.coord(y)).append('"').append(common);
            case "cross" -> {
                line(x - r, y - r, x + r, y + r, colour, 2, "");
                line(x - r, y + r, x + r, y - r, colour, 2, "");
            }
            default -> out.append("<circle cx=\"").append(Fmt.coord(x)).append("\" cy=\"").append(Fmt.coord(y))
                    .append("\" r=\"").append(Fmt.coord(r)).append('"').append(common);
        }
        return this;
    }

    /**
     * Axes of a unit square plot: frame, grid and tick labels at 0, 0.2, …, 1, and the axis titles.
     * The plot occupies {@code [left, left + size] × [top, top + size]}.
     */
    SvgCanvas unitAxes(double left, double top, double size, String xTitle, String yTitle) {
        for (int t = 0; t <= 5; t++) {
            double v = t / 5.0;
            double x = left + v * size;
            double y = top + size - v * size;
            line(x, top, x, top + size, "#dddddd", 1, "");
            line(left, y, left + size, y, "#dddddd", 1, "");
            line(x, top + size, x, top + size + 5, "#000000", 1, "");
            line(left - 5, y, left, y, "#000000", 1, "");
            text(x, top + size + 19, Fmt.num(v, 1), "middle");
            text(left - 8, y + 4.5, Fmt.num(v, 1), "end");
        }
        rect(left, top, size, size, "none", "#000000");
        text(left + size / 2, top + size + 40, xTitle, "middle", 14, "bold", "#000000", 0);
        text(left - 42, top + size / 2, yTitle, "middle", 14, "bold", "#000000", -90);
        return this;
    }

    /** Starts a group (e.g. one series), labelled for assistive technology. */
    SvgCanvas openGroup(String label) {
        out.append("<g aria-label=\"").append(Xml.escape(label)).append("\">\n");
        return this;
    }

    SvgCanvas closeGroup() {
        out.append("</g>\n");
        return this;
    }

    /** The finished document. */
    String finish() {
        return out + "</svg>\n";
    }

    private void dash(String dash) {
        if (dash != null && !dash.isEmpty()) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
    }
}
