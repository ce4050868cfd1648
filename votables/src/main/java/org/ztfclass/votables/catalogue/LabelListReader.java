package org.ztfclass.votables.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.TransientClass;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.CsvRecords;
import org.ztfclass.votables.input.CsvTable;
import org.ztfclass.votables.input.ReadResult;
import org.ztfclass.votables.lightcurve.ZtfIds;

/**
 * Reads a plain list of labels: an object-id column ({@code objectId}, {@code oid},
 * {@code ZTFID}, {@code NAME}, {@code ztf_id}) and a class column ({@code classALeRCE},
 * {@code label}, {@code LABEL}, {@code tns}, {@code type}, {@code class}). The catalogue name is
 * a {@code label_source} column when there is one, otherwise derived from the class column
 * ({@code classALeRCE} → {@code ALeRCE}, {@code tns} → {@code TNS}) or the file name.
 * Rows whose class is a "not classified" marker ({@code nan}, {@code -}) are kept with a null
 * class.
 */
public final class LabelListReader implements LabelCatalogueReader {

    static final String[] ID_COLUMNS = {"objectId", "oid", "ZTFID", "ztf_id", "NAME"};
    static final String[] CLASS_COLUMNS = {"classALeRCE", "label", "tns", "type", "class"};

    /** @return true if a CSV header has the columns this reader needs */
    public static boolean accepts(CsvTable table) {
        return table.column(ID_COLUMNS) >= 0 && table.column(CLASS_COLUMNS) >= 0;
    }

    @Override
    public ReadResult<CatalogueEntry> read(Reader in, String source) throws IOException {
        return CsvRecords.read(in, source, table -> {
            int id = table.column(ID_COLUMNS);
            int cls = table.column(CLASS_COLUMNS);
            if (id < 0 || cls < 0) {
                throw new BadInputException(source, "line 1", "a label list needs an object id column (objectId, oid, ZTFID, NAME) "
                        + "and a class column (classALeRCE, label, tns, type); found " + table.header());
            }
            int sourceColumn = table.column("label_source");
            String catalogue = catalogueName(table.header().get(cls), source);
            return row -> {
                String objectId = row.requiredText(id);
                if (!ZtfIds.isValid(objectId)) {
                    throw row.problem(id, "'" + objectId + "' is not a ZTF object id");
                }
                String fine = row.text(cls);
                if (fine != null && fine.matches("[-+]?\\d+(\\.\\d*)?([eE][-+]?\\d+)?")) {
                    throw row.problem(cls, "'" + fine + "' is a number, not a class name");
                }
                String rowCatalogue = sourceColumn >= 0 && row.text(sourceColumn) != null ? row.text(sourceColumn) : catalogue;
                return CatalogueEntry.labelOnly(rowCatalogue, objectId, TransientClass.isClassified(fine) ? fine : null);
            };
        });
    }

    private static String catalogueName(String classColumn, String source) {
        switch (classColumn.toLowerCase(java.util.Locale.ROOT)) {
            case "classalerce": return "ALeRCE";
            case "tns": return "TNS";
            default:
                String name = Path.of(source).getFileName().toString();
                int dot = name.lastIndexOf('.');
                return dot > 0 ? name.substring(0, dot) : name;
        }
    }
}
