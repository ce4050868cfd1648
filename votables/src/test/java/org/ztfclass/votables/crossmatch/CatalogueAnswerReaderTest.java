package org.ztfclass.votables.crossmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.SampleData;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.ReadResult;

/** The cone-answer reader on recorded real answers (install/sample-data/test-only/crossmatch) and on broken ones. */
class CatalogueAnswerReaderTest {

    private static final CatalogueDefinition GAIA = Catalogues.byKey("gaia_dr3");

    private static byte[] recorded(String name) throws Exception {
        return Files.readAllBytes(SampleData.path("test-only/crossmatch/" + name));
    }

    @Test
    void gaiaArchiveAnswerGivesSourcesWithMagnitudesSortedBySeparation() throws Exception {
        // centre on the second source of the recording: it comes first, at separation ~0
        ReadResult<CrossmatchSource> r = CatalogueAnswerReader.read(recorded("gaia-dr3-archive-tap.vot"), "Gaia archive", GAIA,
                0, 0);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(2, r.records().size());
        CrossmatchSource first = r.records().get(0);
        double ra = first.ra();
        double dec = first.dec();
        ReadResult<CrossmatchSource> centred = CatalogueAnswerReader.read(recorded("gaia-dr3-archive-tap.vot"), "Gaia archive", GAIA,
                ra, dec);
        CrossmatchSource s = centred.records().get(0);
        assertEquals(0.0, s.separationArcsec(), 1e-6);
        assertTrue(centred.records().get(1).separationArcsec() > 3600, "the other source is far away");
        assertTrue(List.of("4583627001381815936", "5348723816842275584").contains(s.sourceId()), s.sourceId());
        assertEquals("gaia_dr3", s.catalogue());
        CrossmatchMeasurement g = s.measurements().stream().filter(m -> m.band().equals("G")).findFirst().orElseThrow();
        assertTrue(g.mag() > 5 && g.mag() < 22, "G = " + g.mag());
        assertEquals("Vega", g.magSystem());
        assertNull(g.magErr(), "the archive table has flux errors, not magnitude errors");
        assertNull(g.fluxUJy());
    }

    @Test
    void vizierAnswerWithOtherColumnsIsAnUnexpectedColumnsError() throws Exception {
        BadInputException e = assertThrows(BadInputException.class, () -> CatalogueAnswerReader.read(recorded("vizier-kang2010.xml"),
                "VizieR II/349/ps1 for ZTFtest", Catalogues.byKey("ps1"), 290, 14));
        assertTrue(e.getMessage().contains("VizieR II/349/ps1 for ZTFtest"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected columns for Pan-STARRS1 DR2"), e.getMessage());
        assertTrue(e.getMessage().contains("SSTGLMC"), "lists what the answer has: " + e.getMessage());
    }

    @Test
    void vizierErrorStatusIsReportedWithTheServiceMessage() throws Exception {
        BadInputException e = assertThrows(BadInputException.class, () -> CatalogueAnswerReader.read(recorded("vizier-error.xml"),
                "VizieR VIII/65/nvss", Catalogues.byKey("nvss"), 50, 8));
        assertTrue(e.getMessage().contains("the service reported an error"), e.getMessage());
        assertTrue(e.getMessage().contains("Couldn't connect with server"), e.getMessage());
    }

    @Test
    void htmlEmptyAndTruncatedAnswersAreClearErrors() throws Exception {
        byte[] html = "<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body>down</body></html>"
                .getBytes(StandardCharsets.UTF_8);
        BadInputException h = assertThrows(BadInputException.class, () -> CatalogueAnswerReader.read(html, "VizieR I/355/gaiadr3", GAIA, 0, 0));
        assertTrue(h.getMessage().contains("HTML page"), h.getMessage());
        assertTrue(h.getMessage().contains("VizieR I/355/gaiadr3"), h.getMessage());

        BadInputException empty = assertThrows(BadInputException.class, () -> CatalogueAnswerReader.read(new byte[0], "VizieR", GAIA, 0, 0));
        assertTrue(empty.getMessage().contains("empty answer"), empty.getMessage());

        byte[] whole = recorded("gaia-dr3-archive-tap.vot");
        byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
        BadInputException t = assertThrows(BadInputException.class, () -> CatalogueAnswerReader.read(cut, "Gaia archive", GAIA, 0, 0));
        assertTrue(t.getMessage().contains("truncated") || t.getMessage().contains("line "), t.getMessage());
    }

    @Test
    void radioFluxColumnsBecomeMicroJanskyByTheirUnitAndBadRowsAreRejected() throws Exception {
        // constructed here (not a recording): two NVSS-shaped rows and a broken one, to check unit handling
        String vot = """
                <?xml version="1.0"?>
                <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
                <FIELD name="_r" datatype="double" unit="arcmin"/>
                <FIELD name="_RAJ2000" datatype="double" unit="deg"/><FIELD name="_DEJ2000" datatype="double" unit="deg"/>
                <FIELD name="NVSS" datatype="char" arraysize="*"/>
                <FIELD name="S1.4" datatype="double" unit="mJy"/><FIELD name="e_S1.4" datatype="double" unit="mJy"/>
                <DATA><TABLEDATA>
                <TR><TD>0.5</TD><TD>50.05</TD><TD>8.75</TD><TD>032012+084455</TD><TD>12.5</TD><TD>0.6</TD></TR>
                <TR><TD>0.1</TD><TD>50.045</TD><TD>8.749</TD><TD>032011+084456</TD><TD>3.1</TD><TD></TD></TR>
                <TR><TD>0.2</TD><TD>50.04</TD><TD>8.74</TD><TD></TD><TD>1.0</TD><TD>0.1</TD></TR>
                </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
                """;
        ReadResult<CrossmatchSource> r = CatalogueAnswerReader.read(vot.getBytes(StandardCharsets.UTF_8), "VizieR VIII/65/nvss",
                Catalogues.byKey("nvss"), 50.0453, 8.7489);
        assertEquals(2, r.records().size());
        assertEquals(1, r.problems().size());
        assertEquals("row 3", r.problems().get(0).location());
        CrossmatchSource nearest = r.records().get(0);
        assertEquals("032011+084456", nearest.sourceId());
        assertEquals(6.0, nearest.separationArcsec(), 1e-9, "0.1 arcmin");
        CrossmatchMeasurement m = nearest.measurements().get(0);
        assertEquals(3100.0, m.fluxUJy(), 1e-9);
        assertNull(m.fluxErrUJy());
        assertEquals(1.4, m.frequencyGHz());
        assertEquals(600.0, r.records().get(1).measurements().get(0).fluxErrUJy(), 1e-9);
    }

    @Test
    void unknownCatalogueKeyNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalogues.byKeys(List.of("ps1", "2mass")));
        assertTrue(e.getMessage().contains("'2mass'") && e.getMessage().contains("nvss"), e.getMessage());
    }
}
