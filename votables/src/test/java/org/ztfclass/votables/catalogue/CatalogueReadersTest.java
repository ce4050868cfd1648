package org.ztfclass.votables.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.SampleData;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.input.ReadResult;

class CatalogueReadersTest {

    private static ReadResult<CatalogueEntry> read(LabelCatalogueReader reader, Path f) throws Exception {
        try (Reader in = Files.newBufferedReader(f)) {
            return reader.read(in, f.toString());
        }
    }

    @Test
    void btsCatalogueReadsEveryRowWithPositionsAndSummaries() throws Exception {
        ReadResult<CatalogueEntry> r = read(new BtsCatalogueReader(), SampleData.path("catalogues/bts.csv"));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(3553, r.records().size());
        assertEquals(1230, r.records().stream().filter(e -> e.fineClass() == null).count());
        CatalogueEntry tde = r.records().stream().filter(e -> e.objectId().equals("ZTF17aaazdba")).findFirst().orElseThrow();
        assertEquals("AT2019azh", tde.altName());
        assertEquals((8 + 13 / 60.0 + 16.95 / 3600) * 15, tde.ra(), 1e-9);
        assertEquals(22 + 38 / 60.0 + 53.9 / 3600, tde.dec(), 1e-9);
        assertEquals(2458561.73, tde.peakJd(), 1e-6);
        assertEquals("TDE", tde.fineClass());
        CatalogueEntry south = r.records().stream().filter(e -> e.objectId().equals("ZTF17aabwkio")).findFirst().orElseThrow();
        assertEquals(-(2 + 58 / 60.0 + 50.6 / 3600), south.dec(), 1e-9);
        assertNull(south.fineClass());
        assertNull(south.peakAbsMag());
        assertTrue(r.records().stream().anyMatch(e -> e.lowerLimits() != null), "'>' lower limits are recognised");
    }

    @Test
    void badBtsRowIsReportedAndTheOthersKept() throws Exception {
        String csv = "ZTFID,IAUID,RA,Dec,peakt,peakfilt,peakmag,peakabs,duration,rise,fade,type,redshift,b,A_V\n"
                + "ZTF17aaazdba,AT2019azh,08:13:16.95,+22:38:53.9,561.73,g,15.2769,-19.76,66.42,24.318,42.102,TDE,0.022,27.5,0.122\n"
                + "ZTF17aabwkio,AT2019sio,07:79:53.05,-02:58:50.6,765.01,g,18.1673,-,5.615,2.657,2.958,-,-,9.3,0.306\n"
                + "ZTF18aaaaaaa,X,07:39:53.05,-02:58:50.6,765.01,g,bright,-,5.615,2.657,2.958,SN Ia,-,9.3,0.306\n";
        ReadResult<CatalogueEntry> r = new BtsCatalogueReader().read(new StringReader(csv), "bts.csv");
        assertEquals(1, r.records().size());
        assertEquals(2, r.problems().size());
        assertEquals("line 3 field RA", r.problems().get(0).location());
        assertEquals("line 4 field peakmag", r.problems().get(1).location());
    }

    @Test
    void labelListsNameTheirCatalogue() throws Exception {
        ReadResult<CatalogueEntry> alerce = read(new LabelListReader(), SampleData.path("alerce-30sne/labels.csv"));
        assertEquals(29, alerce.records().size());
        assertTrue(alerce.records().stream().allMatch(e -> e.catalogue().equals("ALeRCE")));
        ReadResult<CatalogueEntry> alertLabels = read(new LabelListReader(), SampleData.path("alerts/alert_labels.csv"));
        Map<String, String> byObject = alertLabels.records().stream()
                .collect(Collectors.toMap(CatalogueEntry::objectId, CatalogueEntry::fineClass, (a, b) -> a));
        assertEquals("SN Ic", byObject.get("ZTF20aaelulu"));
        assertEquals("superphot-plus", alertLabels.records().get(0).catalogue());
    }

    @Test
    void aNumberIsNoClassButUnclassifiedMarkersAreKeptAsNoClass() throws Exception {
        String csv = "objectId,label\nZTF20aaelulu,1\nZTF19abzrhgq,nan\nZTF20aajcdad,SN Ib\nZTF17aabvphr,E\n";
        ReadResult<CatalogueEntry> r = new LabelListReader().read(new StringReader(csv), "flags.csv");
        assertEquals(1, r.problems().size());
        assertEquals("line 2 field label", r.problems().get(0).location());
        assertEquals(3, r.records().size());
        assertNull(r.records().get(0).fineClass());
        assertEquals("E", r.records().get(2).fineClass(), "ALeRCE's E (eclipsing binary) is a class");
    }

    @Test
    void sexagesimalRejectsNonsenseWithTheText() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Sexagesimal.raDegrees("25:00:00"));
        assertTrue(e.getMessage().contains("25:00:00"));
        assertEquals(-0.5, Sexagesimal.decDegrees("-00:30:00"), 1e-12);
    }
}
