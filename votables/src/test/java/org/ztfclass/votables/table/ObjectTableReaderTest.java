package org.ztfclass.votables.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.ReadResult;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;

/** Tables made by other tools (astropy, STILTS, hand-written) are understood. */
class ObjectTableReaderTest {

    @TempDir
    Path tmp;

    private static ReadResult<ObjectReference> read(byte[] votable) throws Exception {
        return ObjectTableReader.read(new ByteArrayInputStream(votable), "user table");
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), command + ": " + out);
        return out;
    }

    @Test
    void astropyTableWithVizierStyleNamesAndNoUcds() throws Exception {
        Path out = tmp.resolve("astropy.vot");
        String script = String.join("\n",
                "import sys",
                "from astropy.table import Table",
                "t = Table({'ztf_id': ['ZTF20aaelulu', 'ZTF19abzrhgq'], 'RAJ2000': [185.7288, 30.1], 'DEJ2000': [15.8236, -2.5],",
                "           'note': ['SN 2020oi', 'TDE']})",
                "t['RAJ2000'].unit = 'deg'",
                "t['DEJ2000'].unit = 'deg'",
                "t.write(sys.argv[1], format='votable')");
        Path py = Files.writeString(tmp.resolve("make.py"), script);
        run(List.of("/usr/bin/python3", py.toString(), out.toString()));
        ReadResult<ObjectReference> r = read(Files.readAllBytes(out));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(2, r.records().size());
        assertEquals("ZTF20aaelulu", r.records().get(0).objectId());
        assertEquals(185.7288, r.records().get(0).ra(), 1e-9);
        assertEquals(-2.5, r.records().get(1).dec(), 1e-9);
    }

    @Test
    void stiltsTableConvertedFromCsvWithOidAndSexagesimalPositions() throws Exception {
        Path csv = Files.writeString(tmp.resolve("t.csv"), "oid,ra,dec\nZTF18ablhqle,17:10:33.9,+16:18:52\n,08:13:16.95,-02:58:50.6\n");
        Path out = tmp.resolve("stilts.vot");
        run(List.of("stilts", "tcopy", "ifmt=csv", "ofmt=votable", "in=" + csv, "out=" + out));
        ReadResult<ObjectReference> r = read(Files.readAllBytes(out));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(2, r.records().size());
        assertEquals("ZTF18ablhqle", r.records().get(0).objectId());
        assertEquals(null, r.records().get(1).objectId(), "a row with only a position is kept");
        assertEquals(123.3206, r.records().get(1).ra(), 1e-4);
    }

    @Test
    void columnsFoundByUcdWhateverTheirNames() throws Exception {
        ColumnInfo id = new ColumnInfo("name_in_my_survey", String.class, null);
        id.setUCD("meta.id;meta.main");
        ColumnInfo a = new ColumnInfo("alpha", Double.class, null);
        a.setUCD("pos.eq.ra;meta.main");
        ColumnInfo d = new ColumnInfo("delta", Double.class, null);
        d.setUCD("pos.eq.dec;meta.main");
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {id, a, d});
        t.addRow(new Object[] {"ZTF20aaelulu", 185.7, 15.8});
        t.addRow(new Object[] {null, null, null});
        t.addRow(new Object[] {"ZTF19abzrhgq", 400.0, 1.0});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VotableWriter.write(t, out);
        ReadResult<ObjectReference> r = read(out.toByteArray());
        assertEquals(2, r.records().size());
        assertEquals(1, r.problems().size());
        assertEquals("row 2", r.problems().get(0).location());
        assertEquals(null, r.records().get(1).ra(), "an impossible RA is dropped when the id names the object");
    }

    @Test
    void malformedVotableSaysWhere() {
        byte[] broken = "<?xml version='1.0'?>\n<VOTABLE version='1.4'>\n<RESOURCE><TABLE>\n<FIELD name='x' datatype='double'/>\n<DATA><TABLEDATA><TR><TD>1</TD></TR>\n</RESOURCE>"
                .getBytes(StandardCharsets.UTF_8);
        BadInputException e = assertThrows(BadInputException.class, () -> read(broken));
        assertTrue(e.problem().location().startsWith("line "), e.problem().toString());
        BadInputException noColumns = assertThrows(BadInputException.class, () -> {
            ColumnInfo x = new ColumnInfo("flux", Double.class, null);
            RowListStarTable t = new RowListStarTable(new ColumnInfo[] {x});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VotableWriter.write(t, out);
            read(out.toByteArray());
        });
        assertTrue(noColumns.problem().reason().contains("no object id column"));
        assertThrows(BadInputException.class, () -> read(new byte[0]));
    }

    @Test
    void ourOwnObjectTableRoundTrips() throws Exception {
        var o = new org.ztfclass.votables.domain.ZtfObject("ZTF20aaelulu", 185.7, 15.8, 2458856.0, 2458860.0, 3,
                14.9, 14.7, null, "labelled", "OTHER", "SN Ic", null, null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VotableWriter.write(new RecordTable<>("t", List.of(o), ObjectColumns.ALL), out);
        try (InputStream in = new ByteArrayInputStream(out.toByteArray())) {
            ReadResult<ObjectReference> r = ObjectTableReader.read(in, "ours");
            assertEquals(List.of(new ObjectReference(0, "ZTF20aaelulu", 185.7, 15.8)), r.records());
        }
    }
}
