package org.ztfclass.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ztfclass.server.store.StoredAlert;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;

/**
 * The centroid plot: each detection's RA/Dec offset in arcseconds from the mean position of the
 * detections, coloured and shaped by band ({@link BandStyle}), earlier detections paler. The
 * alerts give the PS1 host's distance ({@code distpsnr1}) but not its direction, so the host is
 * marked as the dashed circle on which it lies. Drawn as SVG on the server; its text alternative
 * is a summary (scatter per band) and the table of offsets.
 */
final class CentroidSection implements ObjectSection {

    private static final int SIZE = 360;
    private static final int PAD = 40;

    @Override
    public void render(ObjectView v, StringBuilder b) {
        List<Detection> pts = new ArrayList<>();
        for (Detection d : v.lightCurve()) {
            if (!d.isUpperLimit() && d.ra() != null && d.dec() != null) {
                pts.add(d);
            }
        }
        b.append("<section class=\"panel centroid\" aria-labelledby=\"cen-h\"><h2 id=\"cen-h\">Centroid</h2>\n");
        if (pts.size() < 2) {
            b.append("<p>Fewer than two detections with a position: no centroid plot.</p>\n</section>\n");
            return;
        }
        double ra0 = 0;
        double dec0 = 0;
        for (Detection d : pts) {
            ra0 += d.ra();
            dec0 += d.dec();
        }
        ra0 /= pts.size();
        dec0 /= pts.size();
        double cosDec = Math.cos(Math.toRadians(dec0));
        double[][] off = new double[pts.size()][2];
        double extent = 0.5;
        for (int i = 0; i < pts.size(); i++) {
            double dra = pts.get(i).ra() - ra0;
            if (dra > 180) {
                dra -= 360;
            } else if (dra < -180) {
                dra += 360;
            }
            off[i][0] = dra * cosDec * 3600;
            off[i][1] = (pts.get(i).dec() - dec0) * 3600;
            extent = Math.max(extent, Math.max(Math.abs(off[i][0]), Math.abs(off[i][1])));
        }
        Double host = hostDistance(v.alerts());
        if (host != null && host < 5) {
            extent = Math.max(extent, host);
        }
        extent = Math.ceil(extent * 1.15 * 10) / 10;
        double t0 = pts.get(0).jd();
        double t1 = pts.get(pts.size() - 1).jd();
        double scale = (SIZE - 2 * PAD) / (2 * extent);
        double c = SIZE / 2.0;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg viewBox=\"0 0 ").append(SIZE).append(' ').append(SIZE).append("\" role=\"img\" aria-labelledby=\"cen-title\">")
                .append("<title id=\"cen-title\">Detection positions of ").append(Html.e(v.id()))
                .append(" relative to their mean; summary and table follow</title>")
                .append("<rect x=\"").append(PAD).append("\" y=\"").append(PAD).append("\" width=\"").append(SIZE - 2 * PAD).append("\" height=\"")
                .append(SIZE - 2 * PAD).append("\" fill=\"none\" stroke=\"#767676\"/>")
                .append(line(c, PAD, c, SIZE - PAD, "#bbb")).append(line(PAD, c, SIZE - PAD, c, "#bbb"));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1a1a1a\">−%.1f″</text>", PAD - 8, SIZE - PAD + 16, extent))
                .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1a1a1a\" text-anchor=\"end\">+%.1f″</text>",
                        SIZE - PAD + 8, SIZE - PAD + 16, extent))
                .append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" font-size=\"12\" fill=\"#1a1a1a\" text-anchor=\"middle\">ΔRA cos Dec (east left)</text>",
                        c, SIZE - 6))
                .append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.0f\" font-size=\"12\" fill=\"#1a1a1a\" text-anchor=\"middle\" "
                        + "transform=\"rotate(-90 12 %.0f)\">ΔDec (north up)</text>", c, c));
        if (host != null && host < 5) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" stroke=\"#1a1a1a\" stroke-dasharray=\"5 4\"/>",
                    c, c, host * scale));
        }
        for (int i = 0; i < pts.size(); i++) {
            Band band = pts.get(i).band();
            double x = c - off[i][0] * scale;
            double y = c - off[i][1] * scale;
            double age = t1 > t0 ? (pts.get(i).jd() - t0) / (t1 - t0) : 1;
            String fill = BandStyle.colour(band);
            String opacity = String.format(Locale.ROOT, "%.2f", 0.3 + 0.7 * age);
            svg.append(switch (BandStyle.shape(band)) {
                case "circle" -> String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" fill-opacity=\"%s\"/>", x, y, fill, opacity);
                case "square" -> String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"%s\" fill-opacity=\"%s\"/>",
                        x - 3.5, y - 3.5, fill, opacity);
                default -> String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl4 7h-8z\" fill=\"%s\" fill-opacity=\"%s\"/>", x, y - 4.5, fill, opacity);
            });
        }
        svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fh12M%.1f %.1fv12\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>", c - 6, c, c, c - 6));
        svg.append("</svg>");
        b.append(svg).append("\n<p>").append(Html.e(summary(pts, off, host))).append("</p>\n<p>Key: <span class=\"band-g\">● g</span>, ")
                .append("<span class=\"band-r\">■ r</span>, <span class=\"band-i\">▲ i</span>; paler = earlier; + = mean position")
                .append(host != null && host < 5 ? "; dashed circle = distance of the nearest PS1 source (the host candidate)" : "")
                .append(".</p>\n<details><summary>Table of offsets</summary><div class=\"scroll\"><table><caption>Offsets from the mean ")
                .append(String.format(Locale.ROOT, "position RA %.6f°, Dec %+.6f°", ra0, dec0))
                .append("</caption><thead><tr><th scope=\"col\">MJD</th><th scope=\"col\">Band</th><th scope=\"col\">ΔRA cos Dec (″)</th>")
                .append("<th scope=\"col\">ΔDec (″)</th></tr></thead><tbody>\n");
        for (int i = 0; i < pts.size(); i++) {
            b.append(String.format(Locale.ROOT, "<tr><td class=\"n\">%.4f</td><td>%s</td><td class=\"n\">%.3f</td><td class=\"n\">%.3f</td></tr>%n",
                    pts.get(i).jd() - Detection.MJD_OFFSET, pts.get(i).band().letter(), off[i][0], off[i][1]));
        }
        b.append("</tbody></table></div></details>\n</section>\n");
    }

    private static Double hostDistance(List<StoredAlert> alerts) {
        for (StoredAlert a : alerts) {
            if (a.distpsnr1() != null && a.distpsnr1() >= 0) {
                return a.distpsnr1();
            }
        }
        return null;
    }

    private static String summary(List<Detection> pts, double[][] off, Double host) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d detections with positions.", pts.size()));
        for (Band band : Band.values()) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < pts.size(); i++) {
                if (pts.get(i).band() == band) {
                    sum += off[i][0] * off[i][0] + off[i][1] * off[i][1];
                    n++;
                }
            }
            if (n > 0) {
                s.append(String.format(Locale.ROOT, " %s band: %d, rms offset %.2f″.", band.letter(), n, Math.sqrt(sum / n)));
            }
        }
        if (host != null) {
            s.append(String.format(Locale.ROOT, " Nearest PS1 source %.2f″ away%s.", host, host >= 5 ? " (outside the plot)" : ""));
        }
        return s.toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x1, y1, x2, y2, colour);
    }
}
