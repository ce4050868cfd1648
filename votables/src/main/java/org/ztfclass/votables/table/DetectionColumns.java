package org.ztfclass.votables.table;

import java.util.List;
import org.ztfclass.votables.domain.Detection;

/** The columns of a light-curve table, one row a detection or upper limit; see {@link Detection}. */
public final class DetectionColumns {

    /** All columns, in the order they are served. */
    public static final List<TableColumn<Detection>> ALL = List.of(
            TableColumn.of("objectId", String.class, "", "meta.id;meta.main", "ZTF object identifier", Detection::objectId),
            TableColumn.of("candid", Long.class, "", "meta.id", "ZTF candidate identifier (null for upper limits)", Detection::candid),
            TableColumn.of("jd", Double.class, "d", "time.epoch;obs", "Julian Date of the exposure", Detection::jd),
            TableColumn.of("mjd", Double.class, "d", "time.epoch", "Modified Julian Date of the exposure (jd - 2400000.5)",
                    d -> d.jd() - Detection.MJD_OFFSET),
            TableColumn.of("band", String.class, "", "meta.id;instr.filter", "ZTF band: g, r or i", d -> d.band().letter()),
            TableColumn.of("fid", Integer.class, "", "meta.code;instr.filter", "ZTF filter id: 1=g, 2=r, 3=i", d -> d.band().fid()),
            TableColumn.of("magpsf", Double.class, "mag", "phot.mag", "PSF magnitude in the difference image (AB); null for upper limits", Detection::magpsf),
            TableColumn.of("sigmapsf", Double.class, "mag", "stat.error;phot.mag", "1-sigma error of magpsf", Detection::sigmapsf),
            TableColumn.of("diffmaglim", Double.class, "mag", "phot.mag;stat.max", "5-sigma limiting magnitude of the difference image", Detection::diffmaglim),
            TableColumn.of("upper_limit", Boolean.class, "", "meta.code", "True for a non-detection (only diffmaglim is meaningful)", Detection::isUpperLimit),
            TableColumn.of("ra", Double.class, "deg", "pos.eq.ra", "ICRS right ascension of the candidate", Detection::ra),
            TableColumn.of("dec", Double.class, "deg", "pos.eq.dec", "ICRS declination of the candidate", Detection::dec),
            TableColumn.of("rb", Double.class, "", "stat.probability", "Real/bogus score (random forest), 0..1", Detection::rb),
            TableColumn.of("drb", Double.class, "", "stat.probability", "Deep-learning real/bogus score, 0..1", Detection::drb),
            TableColumn.of("isdiffpos", String.class, "", "meta.code", "t: positive subtraction (science - reference), f: negative", Detection::isdiffpos),
            TableColumn.of("programid", Integer.class, "", "meta.id;instr.setup", "ZTF programme: 1 public, 2 partnership, 3 Caltech", Detection::programid));

    private DetectionColumns() {
    }
}
