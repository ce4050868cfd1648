package org.ztfclass.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.votables.table.VotableReader;
import picocli.CommandLine;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * {@code score} with the shipped model on one real file of each light-curve format of the third gathering pass, and on
 * the bad light curves of issue 12 made from a real one: each is scored with finite probabilities, or its bad row
 * rejected with line and field, or (nothing any branch can read) reported as not scored; never a crash.
 */
class ScoreLightCurveFormatsTest {

    @TempDir
    Path tmp;

    @Test
    void scoresAntaresBrokerGrowthAndThreeColumnFiles() throws Exception {
        Path shipped = Samples.root().getParent().resolve("models/ztfclass-default");
        Path out = tmp.resolve("scores.vot");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).execute("score", shipped.toString(),
                    Samples.path("antares-bts/light-curves/ZTF18aacemcn.csv").toString(),
                    Samples.path("pitt-google-alerts/lightcurves.csv").toString(),
                    Samples.path("annayqho-icbl/ZTF20aalxlis_SN2020bvc_marshal_lc.txt").toString(),
                    Samples.path("annayqho-icbl/ZTF18aaqjovh_force_phot_lc_g.txt").toString(),
                    "--out", out.toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertEquals(0, code, e.toString(StandardCharsets.UTF_8));
        StarTable t = VotableReader.read(Files.newInputStream(out), "scores");
        Set<String> ids = new HashSet<>();
        try (RowSequence rows = t.getRowSequence()) {
            while (rows.next()) {
                ids.add(String.valueOf(rows.getCell(0)));
            }
        }
        assertEquals(1 + 10 + 2, ids.size(), "one row per object: " + ids);
        assertTrue(ids.containsAll(Set.of("ZTF18aacemcn", "ZTF20aalxlis", "ZTF18aaqjovh", "ZTF21abiuvdk")), ids.toString());
        assertTrue(o.toString(StandardCharsets.UTF_8).contains("(0 rejected)"), o.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badLightCurvesAreScoredOrRejectedWithAReasonNeverACrashOrANaN() throws Exception {
        List<String> real = Files.readAllLines(Samples.path("antares-bts/light-curves/ZTF18aaiykoz.csv"));
        String header = real.get(0);
        List<String> rows = real.subList(1, real.size());
        Path in = Files.createDirectories(tmp.resolve("bad"));
        write(in, "ZTF00onepont", header, rows.subList(0, 1));
        write(in, "ZTF00oneband", header, rows.stream().filter(r -> r.split(",")[2].equals("R")).toList());
        List<String> twice = new ArrayList<>(rows);
        twice.addAll(rows);
        write(in, "ZTF00dupepts", header, twice);
        List<String> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new java.util.Random(20261205));
        write(in, "ZTF00shuffld", header, shuffled);
        List<String> badErrors = new ArrayList<>();
        String[] errors = {"NaN", "-0.05", "0"};
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            badErrors.add(f[0] + "," + f[1] + "," + f[2] + "," + f[3] + "," + errors[i % 3]);
        }
        write(in, "ZTF00baderrs", header, badErrors);
        // a Fink-format light curve of upper limits only: nothing to classify
        Files.writeString(in.resolve("upper-limits.csv"), "objectId,mjd,band,mag,magerr,upper_limit,diffmaglim,isdiffpos,candid\n"
                + "ZTF00uplimit,60576.1366,g,,,1,20.57,,\nZTF00uplimit,60577.18,r,,,1,20.29,,\nZTF00uplimit,60579.18,r,,,1,20.10,,\n");

        Path out = tmp.resolve("bad.vot");
        String[] printed = new String[2];
        int code = run(printed, "score", Samples.root().getParent().resolve("models/ztfclass-default").toString(), in.toString(),
                "--out", out.toString());
        String stdout = printed[0];
        String stderr = printed[1];
        assertEquals(0, code, stderr);
        assertTrue(stderr.contains("not scored ZTF00uplimit: only 3 upper limits, no detection"), stderr);
        long nanErrorRows = (rows.size() + 2) / 3;
        assertTrue(stderr.contains("ZTF00baderrs.csv [line 2 field ant_magerr]: 'NaN' is not a number"), stderr);
        assertTrue(stdout.contains("scored 5 objects") && stdout.contains("(" + nanErrorRows + " rejected, 1 not scored: nothing to classify)"),
                stdout);
        Map<String, double[]> scored = new HashMap<>();
        StarTable t = VotableReader.read(Files.newInputStream(out), "scores");
        try (RowSequence seq = t.getRowSequence()) {
            while (seq.next()) {
                scored.put(String.valueOf(seq.getCell(0)), new double[] {((Number) seq.getCell(3)).doubleValue(),
                        ((Number) seq.getCell(4)).doubleValue(), ((Number) seq.getCell(5)).doubleValue()});
            }
        }
        assertEquals(Set.of("ZTF00onepont", "ZTF00oneband", "ZTF00dupepts", "ZTF00shuffld", "ZTF00baderrs"), scored.keySet());
        scored.forEach((id, p) -> {
            for (double x : p) {
                assertTrue(Double.isFinite(x) && x >= 0 && x <= 1, id + " " + java.util.Arrays.toString(p));
            }
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-6, id);
        });
    }

    @Test
    void stampFilesGiveTheCnnWhatThePhotometryCannot() throws Exception {
        String model = Samples.root().getParent().resolve("models/ztfclass-default").toString();
        Path finkCurves = Samples.path("fink-science-alerts/lightcurves.csv");
        // ZTF18abgzkmf's Fink history is negative subtractions only: no usable detection
        String[] printed = new String[2];
        assertEquals(0, run(printed, "score", model, finkCurves.toString(), "--out", tmp.resolve("curves.vot").toString()), printed[1]);
        assertTrue(printed[1].contains("not scored ZTF18abgzkmf"), printed[1]);
        // with its stamp files, the CNN reads it
        Path out = tmp.resolve("with-stamps.vot");
        assertEquals(0, run(printed, "score", model, finkCurves.toString(), Samples.path("fink-science-alerts/cutouts").toString(),
                "--out", out.toString()), printed[1]);
        assertTrue(!printed[1].contains("ZTF18abgzkmf"), printed[1]);
        assertTrue(printed[0].contains("(0 rejected)"), printed[0]);
        Set<String> ids = new HashSet<>();
        try (RowSequence seq = VotableReader.read(Files.newInputStream(out), "scores").getRowSequence()) {
            while (seq.next()) {
                ids.add(String.valueOf(seq.getCell(0)));
            }
        }
        assertTrue(ids.contains("ZTF18abgzkmf"), ids.toString());
        // read by the CNN alone, so answered by the CNN (not by the trees' default branches)
        Map<String, double[]> scored = probabilities(out);
        var objects = new org.ztfclass.server.learning.InputObjects()
                .read(List.of(finkCurves, Samples.path("fink-science-alerts/cutouts"))).objects();
        var onlyStamps = objects.stream().filter(o -> o.objectId().equals("ZTF18abgzkmf")).toList();
        var bundle = org.ztfclass.models.bundle.ModelBundle.load(Path.of(model));
        var branches = bundle.outputs(onlyStamps);
        double[] cnn = branches.cnn()[0];
        assertTrue(cnn != null, "the CNN reads the Fink stamps");
        assertTrue(!java.util.Arrays.equals(cnn, branches.xgboost()[0]));
        for (int k = 0; k < 3; k++) {
            assertEquals(cnn[k], scored.get("ZTF18abgzkmf")[k], 1e-6);
        }
        // an object with a light curve and stamps keeps the served answer (XGBoost for the shipped bundle)
        var both = objects.stream().filter(o -> o.objectId().equals("ZTF18abquxjv")).toList();
        assertEquals(3, both.get(0).cutouts().size());
        assertEquals(bundle.serving().pick(bundle.outputs(both))[0][0], scored.get("ZTF18abquxjv")[0], 1e-6);
        // stamps alone name detections that are not there: reported, nothing scored from them
        assertEquals(0, run(printed, "score", model, Samples.path("fink-science-alerts/cutouts").toString(),
                "--out", tmp.resolve("stamps.vot").toString()), printed[1]);
        assertTrue(printed[1].contains("give the object's light curve with its candids too"), printed[1]);
    }

    /** @return objectId → p_SN_IA, p_SN_II, p_OTHER of a score VOTable */
    private static Map<String, double[]> probabilities(Path votable) throws Exception {
        Map<String, double[]> scored = new HashMap<>();
        try (RowSequence seq = VotableReader.read(Files.newInputStream(votable), "scores").getRowSequence()) {
            while (seq.next()) {
                scored.put(String.valueOf(seq.getCell(0)), new double[] {((Number) seq.getCell(3)).doubleValue(),
                        ((Number) seq.getCell(4)).doubleValue(), ((Number) seq.getCell(5)).doubleValue()});
            }
        }
        return scored;
    }

    private static void write(Path dir, String id, String header, List<String> rows) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        Files.write(dir.resolve(id + ".csv"), lines);
    }

    /** Runs the command line, keeping what it prints: {@code printed[0]} standard output, {@code [1]} standard error. */
    private static int run(String[] printed, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return new CommandLine(new Main()).execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            printed[0] = o.toString(StandardCharsets.UTF_8);
            printed[1] = e.toString(StandardCharsets.UTF_8);
        }
    }
}
