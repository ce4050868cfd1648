package org.ztfclass.plugin.topcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query shared by the {@code :ztf:} scheme and the load dialog: parsing, checks, the server URL, the cone. */
class ZtfQueryTest {

    @Test
    void schemeSpecificationBecomesServerUrl() {
        ZtfQuery q = ZtfQuery.parse("minprob=0.9&CLASS=sn_ia&status=unlabeled&limit=50");
        assertEquals("class=SN_IA&minprob=0.9&status=unlabelled&limit=50", q.specification());
        assertEquals("http://h:7070/api/objects?format=votable&predicted_class=SN_IA&min_prob=0.9&label_status=unlabelled&limit=50",
                q.url("http://h:7070/").toString());
        assertEquals(50, q.limit());
        assertFalse(q.hasCone());
    }

    @Test
    void dialogValuesMakeTheSameQueryAsTheScheme() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("limit", "50");
        fields.put("class", "SN_IA");
        fields.put("status", "");
        fields.put("minprob", " 0.9 ");
        ZtfQuery fromDialog = ZtfQuery.of(fields);
        assertEquals(ZtfQuery.parse("class=SN_IA&minprob=0.9&limit=50").url("http://x"), fromDialog.url("http://x"));
    }

    @Test
    void valuesAreUrlEncoded() {
        assertEquals("http://x/api/objects?format=votable&dropped_by=a%26b+c",
                ZtfQuery.of(Map.of("dropped_by", "a&b c")).url("http://x").toString());
    }

    @Test
    void badValuesAreRefusedNamingKeyAndValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ZtfQuery.parse("minprob=1.5")).getMessage()
                .contains("minprob='1.5' is not a probability in 0..1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ZtfQuery.parse("class=SN_X")).getMessage().contains("class='SN_X'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ZtfQuery.parse("limit=-3")).getMessage().contains("limit='-3'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ZtfQuery.parse("dec=91&ra=1&radius=1")).getMessage()
                .contains("dec='91'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ZtfQuery.parse("ra=1&dec=2&radius=0")).getMessage()
                .contains("radius='0'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ZtfQuery.parse("colour=red")).getMessage()
                .contains("unknown key 'colour'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ZtfQuery.parse("ra=10&dec=20")).getMessage()
                .contains("needs all of ra, dec and radius"));
    }

    @Test
    void coneKeepsLimitForTheClientAndMeasuresGreatCircleDistance() {
        ZtfQuery q = ZtfQuery.parse("ra=359.9&dec=0&radius=0.5&limit=10&class=SN_II");
        assertTrue(q.hasCone());
        assertEquals("http://x/api/objects?format=votable&predicted_class=SN_II", q.url("http://x").toString());
        assertTrue(q.inCone(0.3, 0.2), "across RA=0");
        assertFalse(q.inCone(0.3, 0.5));
        ZtfQuery pole = ZtfQuery.parse("ra=0&dec=89.9&radius=0.3");
        assertTrue(pole.inCone(180, 89.9), "0.2 deg apart over the pole");
        assertFalse(pole.inCone(180, 89.5));
        assertTrue(ZtfQuery.parse("").inCone(123, -45), "no cone: everywhere");
    }
}
