package org.ztfclass.server.api;

import java.util.List;
import org.ztfclass.server.learning.ConsensusExport;
import org.ztfclass.server.store.LabelExport;
import org.ztfclass.votables.table.TableColumn;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.votable.VOStarTable;

/**
 * The columns of a label export ({@code GET /api/labels}), the same in CSV, JSON and VOTable:
 * names, types, units and UCDs (written to the VOTable FIELDs), and how each value is read.
 * Times are ISO-8601 UTC text with milliseconds ({@code xtype="timestamp"} in the VOTable); free text is
 * {@code unicodeChar} in the VOTable.
 */
final class LabelExportColumns {

    /** One column per field of a label event. */
    static final List<TableColumn<LabelExport.Row>> EVENTS = List.of(
            TableColumn.of("label_id", Long.class, "", "meta.record", "Label event number, increasing with time of recording (the paging cursor)",
                    LabelExport.Row::labelId),
            TableColumn.of("object_id", String.class, "", "meta.id;meta.main", "ZTF object identifier", LabelExport.Row::objectId),
            TableColumn.of("ra", Double.class, "deg", "pos.eq.ra;meta.main", "Right ascension of the object (ICRS)", LabelExport.Row::ra),
            TableColumn.of("dec", Double.class, "deg", "pos.eq.dec;meta.main", "Declination of the object (ICRS)", LabelExport.Row::dec),
            unicode(TableColumn.of("fine_class", String.class, "", "meta.code.class", "Class as given, e.g. SN Ia-91T", LabelExport.Row::fineClass)),
            TableColumn.of("top_class", String.class, "", "src.class", "Top-level class: SN_IA, SN_II or OTHER", LabelExport.Row::topClass),
            TableColumn.of("source", String.class, "", "meta.ref", "Where the label came from: catalogue, web, samp, topcat or auto",
                    LabelExport.Row::source),
            unicode(TableColumn.of("labeller", String.class, "", "meta.id", "Who said it: a person's user name (signed-in readers) or "
                    + "pseudonym (labeller-...), a catalogue's name, or the model version of an automatic label", LabelExport.Row::labeller)),
            TableColumn.of("confidence", Double.class, "", "stat.probability", "Labeller's confidence, 0..1", LabelExport.Row::confidence),
            unicode(TableColumn.of("comment", String.class, "", "meta.note", "Labeller's comment", LabelExport.Row::comment)),
            timestamp(TableColumn.of("created_at", String.class, "", "time.creation", "When the label was recorded (ISO-8601 UTC)",
                    LabelExport.Row::createdAt)));

    /** One column per field of an object's consensus. */
    static final List<TableColumn<ConsensusExport.Row>> CONSENSUS = List.of(
            TableColumn.of("object_id", String.class, "", "meta.id;meta.main", "ZTF object identifier", ConsensusExport.Row::objectId),
            TableColumn.of("ra", Double.class, "deg", "pos.eq.ra;meta.main", "Right ascension of the object (ICRS)", ConsensusExport.Row::ra),
            TableColumn.of("dec", Double.class, "deg", "pos.eq.dec;meta.main", "Declination of the object (ICRS)", ConsensusExport.Row::dec),
            TableColumn.of("top_class", String.class, "", "src.class", "Consensus class (majority of labellers): SN_IA, SN_II or OTHER",
                    r -> r.topClass().name()),
            TableColumn.of("labellers", Integer.class, "", "meta.number", "People and catalogues that labelled the object, each counted once",
                    ConsensusExport.Row::labellers),
            TableColumn.of("votes_sn_ia", Integer.class, "", "meta.number", "Labellers whose latest label is SN_IA", ConsensusExport.Row::votesSnIa),
            TableColumn.of("votes_sn_ii", Integer.class, "", "meta.number", "Labellers whose latest label is SN_II", ConsensusExport.Row::votesSnIi),
            TableColumn.of("votes_other", Integer.class, "", "meta.number", "Labellers whose latest label is OTHER", ConsensusExport.Row::votesOther),
            timestamp(TableColumn.of("last_label_at", String.class, "", "time.creation", "When the latest counted label was recorded (ISO-8601 UTC)",
                    ConsensusExport.Row::lastLabelAt)));

    private LabelExportColumns() {
    }

    /** Free text (any Unicode): written as VOTable {@code unicodeChar}, since {@code char} is ASCII in VOTable 1.4. */
    private static <T> TableColumn<T> unicode(TableColumn<T> c) {
        c.info().setAuxDatum(new DescribedValue(VOStarTable.DATATYPE_INFO, "unicodeChar"));
        return c;
    }

    private static <T> TableColumn<T> timestamp(TableColumn<T> c) {
        c.info().setXtype("timestamp");
        return c;
    }
}
