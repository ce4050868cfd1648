package org.ztfclass.votables.domain;

import java.time.Instant;

/**
 * A label event: someone (a person, a catalogue, a model) said an object belongs to a class.
 * Labels are append-only; an object's current class is derived from its events.
 *
 * @param objectId   ZTF object id
 * @param fineClass  the class as given (e.g. {@code SN Ia-91T-like}, {@code TDE})
 * @param topClass   {@link TransientClass#ofFineClass(String)} of {@code fineClass}
 * @param source     kind of source: {@code catalogue}, {@code web}, {@code samp}, {@code topcat}, {@code auto}
 * @param sourceRef  which one: catalogue name, user name, or model version
 * @param confidence 0..1, null if not given
 * @param createdAt  when the label was made (for catalogue labels: when it was ingested)
 */
public record Label(String objectId, String fineClass, TransientClass topClass, String source,
                    String sourceRef, Double confidence, Instant createdAt) {

    /** Creates a catalogue label, deriving the top-level class from the fine class. */
    public static Label fromCatalogue(String objectId, String fineClass, String catalogue) {
        return new Label(objectId, fineClass.trim(), TransientClass.ofFineClass(fineClass), "catalogue",
                catalogue, null, Instant.now());
    }
}
