package org.ztfclass.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.server.learning.AlertTrainingSet;
import org.ztfclass.votables.input.InputProblem;
import picocli.CommandLine.Option;

/**
 * {@code --training-alerts DIR|none}: labelled alert packets that join the store's labelled
 * objects for training and evaluation (the light-curve and image branches need multi-class
 * alert histories and cutouts). Default: the shipped {@code install/sample-data/training-only/fink-alerts-labelled}.
 */
final class TrainingAlertsOption {

    @Option(names = "--training-alerts", paramLabel = "DIR|none",
            description = "folder of labelled alert packets (labels.csv + .avro) added to the labelled set for training and "
                    + "evaluation; 'none' for the store's labels only (default: the shipped " + AlertTrainingSet.SAMPLE_PART + ")")
    String dir;

    /** @return the labelled set with the alert packets added; problems are printed to standard error */
    List<LabelledObject> addTo(List<LabelledObject> labelled) throws IOException {
        if ("none".equals(dir)) {
            return labelled;
        }
        Path folder = dir != null ? Path.of(dir) : Home.sampleData().resolve(AlertTrainingSet.SAMPLE_PART);
        if (dir == null && !Files.isDirectory(folder)) {
            return labelled;
        }
        AlertTrainingSet set = AlertTrainingSet.read(folder);
        for (InputProblem p : set.problems()) {
            System.err.println("training alerts: skipped " + p);
        }
        System.err.printf("training alerts: %d labelled objects from %s%n", set.objects().size(), folder);
        return set.addTo(labelled);
    }
}
