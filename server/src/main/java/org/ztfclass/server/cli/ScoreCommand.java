package org.ztfclass.server.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.features.NothingToRead;
import org.ztfclass.server.learning.InputObjects;
import org.ztfclass.votables.domain.Prediction;
import org.ztfclass.votables.domain.ScoredObject;
import org.ztfclass.votables.input.InputProblem;
import org.ztfclass.votables.table.PredictionColumns;
import org.ztfclass.votables.table.RecordTable;
import org.ztfclass.votables.table.VotableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ztfclass score MODEL_DIR INPUT... --out result.vot}: classify objects from files, no store needed. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Classify the objects in any input that 'ingest' accepts (Avro alerts, light-curve CSVs, ALeRCE detection "
                + "tables, BTS-format catalogues with blank type/peakabs/redshift) with a model bundle, without a store, and write a "
                + "VOTable: objectId, ra, dec, p_SN_IA, p_SN_II, p_OTHER, predicted_class, model_version.",
                "Rejected rows are listed on standard error; the others are scored. An object in which no branch has anything to read "
                + "(no usable detection, e.g. upper limits only; no catalogue row; no cutouts) is listed there as not scored and gets no row.",
                "Exit status 2 if the model cannot be loaded."})
final class ScoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "a model bundle written by 'train'")
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT", description = "files or folders")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the VOTable to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        ModelBundle bundle = Bundles.loadOrExplain(model);
        if (bundle == null) {
            return 2;
        }
        InputObjects read = new InputObjects().read(inputs);
        for (InputProblem p : read.problems()) {
            System.err.println("rejected " + p);
        }
        List<ObjectData> objects = new ArrayList<>();
        int notScored = 0;
        for (ObjectData o : read.objects()) {
            String nothing = NothingToRead.reason(o);
            if (nothing == null) {
                objects.add(o);
            } else {
                System.err.println("not scored " + o.objectId() + ": " + nothing);
                notScored++;
            }
        }
        List<Prediction> predictions = bundle.predict(objects);
        List<ScoredObject> rows = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            rows.add(new ScoredObject(objects.get(i).objectId(), objects.get(i).ra(), objects.get(i).dec(), predictions.get(i)));
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (OutputStream os = Files.newOutputStream(out)) {
            VotableWriter.write(new RecordTable<>("ztfclass_scores", rows, PredictionColumns.ALL), os,
                    Map.of("model_version", bundle.manifest().version(), "rejected", Integer.toString(read.problems().size()),
                            "not_scored", Integer.toString(notScored)));
        }
        System.out.printf("scored %,d object%s with model %s into %s (%d rejected%s)%n", rows.size(), rows.size() == 1 ? "" : "s",
                bundle.manifest().version(), out, read.problems().size(),
                notScored == 0 ? "" : String.format(", %d not scored: nothing to classify", notScored));
        return 0;
    }
}
