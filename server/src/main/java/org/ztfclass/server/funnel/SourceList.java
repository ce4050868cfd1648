package org.ztfclass.server.funnel;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ztfclass.votables.catalogue.Sexagesimal;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.CsvRecords;
import org.ztfclass.votables.input.ReadResult;
import org.ztfclass.votables.table.ObjectReference;
import org.ztfclass.votables.table.ObjectTableReader;

/**
 * A list of sources a user imports for the funnel (known transients, e.g. a TNS export; an AGN
 * catalogue): positions, and ZTF ids where the list has them. A VOTable ({@code .vot},
 * {@code .xml}) is read with {@link ObjectTableReader} (columns found by UCD or name); a CSV
 * needs {@code ra}/{@code RAJ2000} and {@code dec}/{@code DEJ2000} columns (degrees or
 * sexagesimal) and/or an id column ({@code objectId}, {@code oid}, {@code ztf_id}, {@code name}).
 *
 * @param positions listed positions
 * @param ztfIds    listed ZTF object ids
 * @param rejected  rows that could be read neither as a position nor as an id
 */
public record SourceList(List<SkyIndex.Entry> positions, Set<String> ztfIds, int rejected) {

    /**
     * @throws BadInputException if the file is missing or has neither position nor id columns
     */
    public static SourceList read(Path file) throws IOException, BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file.toString(), "file", "no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<SkyIndex.Entry> positions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (name.endsWith(".vot") || name.endsWith(".xml") || name.endsWith(".votable")) {
            ReadResult<ObjectReference> r;
            try (InputStream in = Files.newInputStream(file)) {
                r = ObjectTableReader.read(in, file.toString());
            }
            for (ObjectReference o : r.records()) {
                add(o.objectId(), o.ra(), o.dec(), positions, ids);
            }
            return new SourceList(positions, ids, r.problems().size());
        }
        ReadResult<Object[]> r;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r = CsvRecords.read(in, file.toString(), table -> {
                int id = table.column("objectId", "oid", "ztf_id", "ztfid", "name", "objname");
                int ra = table.column("ra", "raj2000", "ra_icrs", "radeg");
                int dec = table.column("dec", "dej2000", "de_icrs", "declination", "decdeg");
                if (id < 0 && (ra < 0 || dec < 0)) {
                    throw new BadInputException(file.toString(), "line 1", "needs ra and dec columns or an id column; found " + table.header());
                }
                return row -> {
                    String raText = row.text(ra);
                    String decText = row.text(dec);
                    try {
                        Double raDeg = raText == null ? null : Sexagesimal.raDegrees(raText);
                        Double decDeg = decText == null ? null : Sexagesimal.decDegrees(decText);
                        if (row.text(id) == null && (raDeg == null || decDeg == null)) {
                            throw row.problem(ra, "no position and no id");
                        }
                        return new Object[] {row.text(id), raDeg, decDeg};
                    } catch (IllegalArgumentException e) {
                        throw row.problem(ra, e.getMessage());
                    }
                };
            });
        }
        if (r.records().isEmpty() && !r.problems().isEmpty()) {
            throw new BadInputException(r.problems().get(0));
        }
        for (Object[] row : r.records()) {
            add((String) row[0], (Double) row[1], (Double) row[2], positions, ids);
        }
        return new SourceList(positions, ids, r.problems().size());
    }

    private static void add(String id, Double ra, Double dec, List<SkyIndex.Entry> positions, Set<String> ids) {
        if (ra != null && dec != null) {
            positions.add(new SkyIndex.Entry(id, ra, dec));
        }
        if (id != null && id.startsWith("ZTF")) {
            ids.add(id);
        }
    }
}
