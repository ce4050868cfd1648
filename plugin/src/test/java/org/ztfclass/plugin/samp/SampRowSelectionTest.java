package org.ztfclass.plugin.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * table.select.rowList on a table the bridge sent: the selected rows point Aladin and send their
 * cutouts; an unmatched selection, an empty one and a table ztfclass never sent are answered.
 * The hub, server and bridge are {@link SampFixture}'s.
 */
@ExtendWith(SampFixture.Resolver.class)
class SampRowSelectionTest {

    private static SampFixture samp;

    @BeforeAll
    static void fixture(SampFixture shared) {
        samp = shared;
    }

    @Test
    void selectedRowsPointAladinAndSendTheirCutouts() throws Exception {
        JsonNode out = samp.peer("select");
        JsonNode two = out.get("two");
        assertEquals("samp.ok", two.get("status").asText(), out.toString());
        assertEquals("[\"ZTF17aaazdba\",\"ZTF20aaelulu\"]", two.get("result").get("ztfclass.objects").toString());
        assertEquals(123.32, out.get("point").get("ra").asDouble(), 1e-2, "pointed at the first selected row (AT2019azh)");
        assertEquals(2, out.get("images").size(), out.toString());
        assertTrue(out.get("images").toString().contains("/api/objects/ZTF17aaazdba/cutouts/science.fits")
                && out.get("images").toString().contains("/api/objects/ZTF20aaelulu/cutouts/science.fits"), out.toString());
        assertEquals("samp.error", out.get("unmatched").get("status").asText());
        assertTrue(out.get("unmatched").get("error").asText().contains("none of the 1 selected rows"), out.toString());
        assertEquals("samp.ok", out.get("empty").get("status").asText(), "an empty selection is fine");
        assertEquals("samp.error", out.get("foreign").get("status").asText());
        assertTrue(out.get("foreign").get("error").asText().contains("is not one ztfclass sent"), out.toString());
        assertTrue(samp.bridge.isConnected());
    }
}
