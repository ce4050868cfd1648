package org.ztfclass.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small, dependency-free scatter plot with error bars rendered as inline SVG, for the object
 * page's radio and multi-survey plots. Each series gets its own marker shape and colour (shape
 * alone tells series apart; colours have ≥ 3:1 contrast on white). Axes may be logarithmic
 * (values ≤ 0 are then left out) and the y axis may be inverted (magnitudes). The SVG has
 * {@code role="img"} with a title and description; the page gives the same numbers as a table.
 * Instances are built, filled and rendered by one thread.
 */
final class SvgScatter {

    /** One point with an optional symmetric error on y. */
    record Point(double x, double y, Double yErr) {
    }

    private record Series(String name, List<Point> points) {
    }

    private static final String[] COLOURS = {"#1b4f9c", "#b3261e", "#1e6b30", "#6a3d9a", "#8a4b08", "#0f5f66", "#444444"};
    private static final int W = 640;
    private static final int H = 300;
    private static final int L = 64;
    private static final int R = 150;
    private static final int T = 16;
    private static final int B = 44;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final boolean invertY;
    private final List<Series> series = new ArrayList<>();

    SvgScatter(String title, String xLabel, String yLabel, boolean logX, boolean logY, boolean invertY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
        this.logY = logY;
        this.invertY = invertY;
    }

    /** Adds a series (points with non-finite or, on a log axis, non-positive values are skipped). */
    SvgScatter add(String name, List<Point> points) {
        List<Point> kept = points.stream().filter(p -> ok(p.x(), logX) && ok(p.y(), logY)).toList();
        if (!kept.isEmpty()) {
            series.add(new Series(name, kept));
        }
        return this;
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    /** @return the SVG element; {@code id} makes its title/description ids unique on the page */
    String render(String id, String description) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (Point p : s.points()) {
                x0 = Math.min(x0, tx(p.x()));
                x1 = Math.max(x1, tx(p.x()));
                double e = p.yErr() == null ? 0 : p.yErr();
                y0 = Math.min(y0, ty(logY ? Math.max(p.y() - e, p.y() / 10) : p.y() - e));
                y1 = Math.max(y1, ty(p.y() + e));
            }
        }
        if (x1 - x0 < 1e-9) {
            x0 -= 0.5;
            x1 += 0.5;
        }
        if (y1 - y0 < 1e-9) {
            y0 -= 0.5;
            y1 += 0.5;
        }
        double padX = (x1 - x0) * 0.05;
        double padY = (y1 - y0) * 0.08;
        x0 -= padX;
        x1 += padX;
        y0 -= padY;
        y1 += padY;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg class=\"plot\" style=\"width:100%%;max-width:640px;height:auto\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-t %s-d\" "
                + "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s</desc>\n", W, H, id, id, id,
                FunnelPage.escape(title), id, FunnelPage.escape(description)));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#555\"/>\n", L, T,
                W - L - R, H - T - B));
        for (int k = 0; k <= 4; k++) {
            double fx = x0 + (x1 - x0) * k / 4;
            double fy = y0 + (y1 - y0) * k / 4;
            double px = L + (W - L - R) * k / 4.0;
            double py = py(fy, y0, y1);
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#222\">%s</text>\n",
                    px, H - B + 16, tick(fx, logX)));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#222\">%s</text>\n",
                    L - 6, py + 4, tick(fy, logY)));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222\">%s</text>\n",
                L + (W - L - R) / 2, H - 8, FunnelPage.escape(xLabel)));
        b.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222\" "
                + "transform=\"rotate(-90 14 %d)\">%s</text>\n", T + (H - T - B) / 2, T + (H - T - B) / 2, FunnelPage.escape(yLabel)));
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            String c = COLOURS[si % COLOURS.length];
            b.append("<g fill=\"").append(c).append("\" stroke=\"").append(c).append("\">");
            for (Point p : s.points()) {
                double px = px(tx(p.x()), x0, x1);
                double py = py(ty(p.y()), y0, y1);
                if (p.yErr() != null && p.yErr() > 0) {
                    double lo = logY ? Math.max(p.y() - p.yErr(), p.y() / 10) : p.y() - p.yErr();
                    b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>", px, px,
                            py(ty(lo), y0, y1), py(ty(p.y() + p.yErr()), y0, y1)));
                }
                b.append(marker(si, px, py));
            }
            b.append("</g>\n");
            double ly = T + 14 + si * 18;
            b.append("<g fill=\"").append(c).append("\" stroke=\"").append(c).append("\">").append(marker(si, W - R + 14, ly))
                    .append("</g>");
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" fill=\"#222\">%s</text>\n", W - R + 24, ly + 4,
                    FunnelPage.escape(s.name())));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static String marker(int series, double x, double y) {
        return switch (series % 4) {
            case 0 -> String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>", x, y);
            case 1 -> String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\"/>", x - 4, y - 4);
            case 2 -> String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl5 9h-10z\"/>", x, y - 5);
            default -> String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl5 5l-5 5l-5 -5z\"/>", x, y - 5);
        };
    }

    private double px(double v, double x0, double x1) {
        return L + (W - L - R) * (v - x0) / (x1 - x0);
    }

    private double py(double v, double y0, double y1) {
        double f = (v - y0) / (y1 - y0);
        return invertY ? T + (H - T - B) * f : H - B - (H - T - B) * f;
    }

    private double tx(double v) {
        return logX ? Math.log10(v) : v;
    }

    private double ty(double v) {
        return logY ? Math.log10(v) : v;
    }

    private static boolean ok(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private static String tick(double v, boolean log) {
        double real = log ? Math.pow(10, v) : v;
        return Math.abs(real) >= 1000 || Math.abs(real) < 0.01 ? String.format(Locale.ROOT, "%.3g", real)
                : String.format(Locale.ROOT, "%.4g", real);
    }
}
