package org.ztfclass.plugin.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * table.load.votable: a table an independent peer (astropy.samp) made comes back from the bridge
 * with ztfclass's columns (probabilities, match, label, page, cross-matches), unknown rows kept,
 * the first matched row highlighted and Aladin pointed at it with its cutout.
 * The hub, server and bridge are {@link SampFixture}'s.
 */
@ExtendWith(SampFixture.Resolver.class)
class SampTableAnswerTest {

    private static SampFixture samp;

    @BeforeAll
    static void fixture(SampFixture shared) {
        samp = shared;
    }

    @Test
    void astropyTableComesBackWithProbabilitiesAndUnknownRowsKept() throws Exception {
        JsonNode out = samp.peer("good");
        assertEquals("samp.ok", out.get("response_status").asText());
        assertEquals("ztfclass: mine", out.get("reply_name").asText());
        List<String> names = new ArrayList<>();
        out.get("columns").forEach(c -> names.add(c.get("name").asText()));
        assertEquals(List.of("name", "ztf_id", "RAJ2000", "DEJ2000", "ztf_objectId", "ztf_ra", "ztf_dec", "match", "match_distance", "p_SN_IA", "p_SN_II",
                "p_OTHER", "predicted_class", "model_version", "label_class", "n_detections", "peak_mag", "url",
                "radio_catalogue", "radio_source_id", "radio_separation", "radio_flux", "radio_flux_err", "radio_frequency",
                "host_catalogue", "host_source_id", "host_separation", "host_r_mag", "host_g_r"), names);
        JsonNode p = out.get("columns").get(names.indexOf("p_SN_IA"));
        assertEquals("stat.probability", p.get("ucd").asText());
        assertEquals("arcsec", out.get("columns").get(names.indexOf("match_distance")).get("unit").asText());
        JsonNode rows = out.get("rows");
        assertEquals(3, rows.size(), "every row comes back");
        assertEquals("ZTF20aaelulu", rows.get(0).get("ztf_objectId").asText());
        assertEquals("id", rows.get(0).get("match").asText());
        double sum = rows.get(0).get("p_SN_IA").asDouble() + rows.get(0).get("p_SN_II").asDouble() + rows.get(0).get("p_OTHER").asDouble();
        assertEquals(1.0, sum, 1e-5);
        assertTrue(rows.get(0).get("url").asText().endsWith("/objects/ZTF20aaelulu"));
        assertEquals("ZTF17aaazdba", rows.get(1).get("ztf_objectId").asText(), "AT2019azh found by position");
        assertEquals("position", rows.get(1).get("match").asText());
        assertEquals("none", rows.get(2).get("match").asText(), "an unknown row is kept and marked");
        assertEquals("samp.ok", out.get("highlight_status").asText());
        assertEquals(185.7288, out.get("point").get("ra").asDouble(), 1e-3, "Aladin is pointed at SN 2020oi");
        assertTrue(out.get("image_url").asText().endsWith("/api/objects/ZTF20aaelulu/cutouts/science.fits"));
        assertEquals("SIMPLE", out.get("image_starts").asText(), "the cutout is a FITS file");
    }
}
