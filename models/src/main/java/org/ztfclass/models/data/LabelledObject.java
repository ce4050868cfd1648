package org.ztfclass.models.data;

import org.ztfclass.votables.domain.TransientClass;

/**
 * An object with the class a person or catalogue gave it.
 *
 * @param data      what the classifier may look at
 * @param label     the top-level class
 * @param fineClass the class as given (e.g. {@code SN Ia-91T})
 */
public record LabelledObject(ObjectData data, TransientClass label, String fineClass) {
}
