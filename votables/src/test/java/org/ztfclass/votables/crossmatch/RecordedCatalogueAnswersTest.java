package org.ztfclass.votables.crossmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.SampleData;
import org.ztfclass.votables.input.ReadResult;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.FileDataSource;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * The catalogue definitions of {@link Catalogues} against real answers of the services (see
 * install/sample-data/test-only/crossmatch/README.md for where each comes from), and, where no
 * recording could be found, against the column names the catalogue's documentation gives.
 */
class RecordedCatalogueAnswersTest {

    private static final String NVSS_FILE = "test-only/crossmatch/vizier-nvss-flint-box.fits";

    /**
     * The recorded NVSS answer is a VizieR answer saved by TOPCAT as FITS; the reader reads
     * VOTables, so STIL turns it into one here (same columns, units and values).
     */
    private static byte[] nvssAsVotable() throws Exception {
        Path fits = SampleData.path(NVSS_FILE);
        StarTable table = new StarTableFactory().makeStarTable(new FileDataSource(fits.toFile()), "fits");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new VOTableWriter(DataFormat.TABLEDATA, true).writeStarTable(table, out);
        return out.toByteArray();
    }

    @Test
    void nvssVizierAnswerReadsIdFluxErrorAndSeparation() throws Exception {
        // centre on NVSS 060414-315556, the brightest source of the box (_RAJ2000 91.0609583, _DEJ2000 -31.9323889)
        ReadResult<CrossmatchSource> r = CatalogueAnswerReader.read(nvssAsVotable(), "VizieR VIII/65/nvss (recorded)",
                Catalogues.byKey("nvss"), 91.0609583, -31.9323889);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(639, r.records().size(), "every row of the recording is a source");

        CrossmatchSource s = r.records().get(0);
        assertEquals("nvss", s.catalogue());
        assertEquals("060414-315556", s.sourceId());
        assertEquals(0.0, s.separationArcsec(), 1e-3);
        assertEquals(91.0609583, s.ra(), 1e-9);
        assertEquals(-31.9323889, s.dec(), 1e-9);
        assertEquals(1, s.measurements().size());
        CrossmatchMeasurement m = s.measurements().get(0);
        assertEquals("S1.4GHz", m.quantity());
        assertEquals("L", m.band());
        assertEquals(1.4, m.frequencyGHz());
        // S1.4 = 2959.6 mJy, e_S1.4 = 104.3 mJy (a float column), both declared in mJy
        assertEquals(2_959_600.0, m.fluxUJy(), 1e-3);
        assertEquals(104_300.0, m.fluxErrUJy(), 1.0);
        assertNull(m.mag());

        // the next nearest is 060356-314432, 721.9 arcsec away (S1.4 138.5 mJy)
        CrossmatchSource next = r.records().get(1);
        assertEquals("060356-314432", next.sourceId());
        assertEquals(721.92, next.separationArcsec(), 0.05);
        assertEquals(138_500.0, next.measurements().get(0).fluxUJy(), 1e-3);
    }

    @Test
    void nvssVizierAnswerRowAwayFromTheCentreKeepsItsValues() throws Exception {
        // centre on 061229-313857 (_RAJ2000 93.123375, _DEJ2000 -31.6492222): S1.4 613.1 mJy, e_S1.4 21.7 mJy
        ReadResult<CrossmatchSource> r = CatalogueAnswerReader.read(nvssAsVotable(), "VizieR VIII/65/nvss (recorded)",
                Catalogues.byKey("nvss"), 93.123375, -31.6492222);
        CrossmatchSource s = r.records().get(0);
        assertEquals("061229-313857", s.sourceId());
        assertEquals(613_100.0, s.measurements().get(0).fluxUJy(), 1e-3);
        assertEquals(21_700.0, s.measurements().get(0).fluxErrUJy(), 1.0);
        CrossmatchSource brightest = r.records().stream().filter(x -> x.sourceId().equals("060414-315556")).findFirst()
                .orElseThrow();
        // great-circle distance between the two recorded positions: 6392.52 arcsec
        assertEquals(6392.52, brightest.separationArcsec(), 0.05);
    }

    /**
     * A VizieR-shaped cone answer with {@code _r} (arcmin) and the given FIELDs, each {@code {name,
     * datatype, unit}} (unit may be null), and one row. Constructed here, not a recording.
     */
    private static byte[] documentedColumns(List<String[]> fields, List<String> row) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" "
                + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE>\n"
                + "<FIELD name=\"_r\" datatype=\"double\" unit=\"arcmin\"/>\n");
        for (String[] f : fields) {
            sb.append("<FIELD name=\"").append(f[0]).append("\" datatype=\"").append(f[1]).append('"');
            if (f[1].equals("char")) {
                sb.append(" arraysize=\"*\"");
            }
            if (f[2] != null) {
                sb.append(" unit=\"").append(f[2]).append('"');
            }
            sb.append("/>\n");
        }
        sb.append("<DATA><TABLEDATA><TR>");
        row.forEach(v -> sb.append("<TD>").append(v).append("</TD>"));
        sb.append("</TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void lotssDefinitionReadsTheColumnsOfTheVizierReadMe() throws Exception {
        // J/A+A/659/A1 ReadMe: Source (A22), SpeakTot (mJy), e_SpeakTot (mJy); values made up for this test
        byte[] vot = documentedColumns(List.of(new String[] {"Source", "char", null}, new String[] {"SpeakTot", "double", "mJy"},
                new String[] {"e_SpeakTot", "double", "mJy"}), List.of("0.05", "ILTJ123456.78+543210.9", "12.5", "0.25"));
        ReadResult<CrossmatchSource> r = CatalogueAnswerReader.read(vot, "constructed LoTSS answer", Catalogues.byKey("lotss"), 0, 0);
        CrossmatchSource s = r.records().get(0);
        assertEquals("ILTJ123456.78+543210.9", s.sourceId());
        assertEquals(3.0, s.separationArcsec(), 1e-9);
        assertEquals(12_500.0, s.measurements().get(0).fluxUJy(), 1e-6);
        assertEquals(250.0, s.measurements().get(0).fluxErrUJy(), 1e-6);
        assertEquals(0.144, s.measurements().get(0).frequencyGHz());
    }

    @Test
    void racsDefinitionReadsTheGaussianIdGid() throws Exception {
        // J/other/PASA/38.58/gausscut: GID and Ftot as flint-crew/flint reads them; values made up for this test
        byte[] vot = documentedColumns(List.of(new String[] {"GID", "char", null}, new String[] {"Ftot", "double", "mJy"}),
                List.of("0.1", "RACS_0000-25A_1234", "4.2"));
        ReadResult<CrossmatchSource> r = CatalogueAnswerReader.read(vot, "constructed RACS answer", Catalogues.byKey("racs"), 0, 0);
        CrossmatchSource s = r.records().get(0);
        assertEquals("RACS_0000-25A_1234", s.sourceId());
        assertEquals(4_200.0, s.measurements().get(0).fluxUJy(), 1e-6);
        assertNull(s.measurements().get(0).fluxErrUJy(), "no error column in this table");
    }
}
