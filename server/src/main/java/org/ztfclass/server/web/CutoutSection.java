package org.ztfclass.server.web;

import java.util.List;

/**
 * The cutout triplet of the latest alert (science, reference, difference) side by side, with a
 * contrast control ({@code /js/cutouts.js}) and links to the FITS files; each image has alt text.
 */
final class CutoutSection implements ObjectSection {

    @Override
    public List<String> scripts() {
        return List.of("/js/cutouts.js");
    }

    @Override
    public void render(ObjectView v, StringBuilder b) {
        b.append("<section class=\"panel\" aria-labelledby=\"cut-h\"><h2 id=\"cut-h\">Cutouts</h2>\n");
        if (v.alerts().isEmpty() || v.alerts().get(0).cutouts().isEmpty()) {
            b.append("<p>No cutouts: they come with alert packets, or as a broker's stamp files.</p>\n</section>\n");
            return;
        }
        String base = "/api/objects/" + Html.url(v.id()) + "/cutouts/";
        b.append("<p><label for=\"contrast\">Contrast</label> <input type=\"range\" id=\"contrast\" min=\"50\" max=\"400\" step=\"10\" value=\"100\" ")
                .append("aria-describedby=\"contrast-value\"> <output id=\"contrast-value\" for=\"contrast\">100%</output> ")
                .append("<label for=\"brightness\">Brightness</label> <input type=\"range\" id=\"brightness\" min=\"50\" max=\"200\" step=\"10\" value=\"100\" ")
                .append("aria-describedby=\"brightness-value\"> <output id=\"brightness-value\" for=\"brightness\">100%</output></p>\n")
                .append("<div class=\"cutouts\" id=\"cutouts\">\n");
        for (String[] k : new String[][] {{"science", "Science"}, {"template", "Reference"}, {"difference", "Difference"}}) {
            b.append("<figure><img src=\"").append(base).append(k[0]).append(".png\" width=\"252\" height=\"252\" alt=\"").append(k[1])
                    .append(" image of ").append(Html.e(v.id())).append(", latest alert, north up\"><figcaption>").append(k[1])
                    .append(" (<a href=\"").append(base).append(k[0]).append(".fits\">FITS</a>)</figcaption></figure>\n");
        }
        b.append("</div>\n</section>\n");
    }
}
