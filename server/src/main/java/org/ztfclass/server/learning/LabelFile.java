package org.ztfclass.server.learning;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.votables.catalogue.BtsCatalogueReader;
import org.ztfclass.votables.catalogue.LabelListReader;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.TransientClass;
import org.ztfclass.votables.format.InputFormat;
import org.ztfclass.votables.input.ReadResult;

/** Reads the labelled set for {@code train --labels F}: a label list or BTS catalogue, data from the store. */
public final class LabelFile {

    private LabelFile() {
    }

    /**
     * @return the listed objects with a class that the store knows, in file order
     * @throws IOException if the file cannot be read or is neither a label list nor a BTS catalogue
     */
    public static List<LabelledObject> read(Path file, ObjectDataLoader loader) throws IOException, SQLException {
        InputFormat format = InputFormat.detect(file);
        ReadResult<CatalogueEntry> r;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (format == InputFormat.BTS_CATALOGUE) {
                r = new BtsCatalogueReader().read(in, file.toString());
            } else if (format == InputFormat.LABEL_LIST) {
                r = new LabelListReader().read(in, file.toString());
            } else {
                throw new IOException(file + ": not a label list or BTS catalogue (found " + format.description() + ")");
            }
        }
        List<LabelledObject> out = new ArrayList<>();
        for (CatalogueEntry e : r.records()) {
            if (e.fineClass() == null) {
                continue;
            }
            Optional<ObjectData> data = loader.load(e.objectId());
            if (data.isPresent()) {
                out.add(new LabelledObject(data.get(), TransientClass.ofFineClass(e.fineClass()), e.fineClass()));
            }
        }
        return out;
    }
}
