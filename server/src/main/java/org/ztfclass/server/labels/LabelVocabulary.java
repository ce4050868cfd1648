package org.ztfclass.server.labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ztfclass.votables.domain.TransientClass;

/**
 * The classes a person may give an object: the three top-level names ({@code SN_IA},
 * {@code SN_II}, {@code OTHER}) and the finer classes of the Bright Transient Survey / TNS
 * vocabulary listed in {@link #FINE_CLASSES}, matched ignoring case, spaces, underscores and a
 * leading "SN". Anything else is refused, so a typo never becomes an "OTHER" label.
 */
public final class LabelVocabulary {

    /** Fine classes accepted, as they are stored. */
    public static final List<String> FINE_CLASSES = List.of(
            "SN Ia", "SN Ia-91T", "SN Ia-91bg", "SN Ia-CSM", "SN Iax", "SN Ia-pec",
            "SN II", "SN IIP", "SN IIL", "SN IIn", "SN IIb",
            "SN Ib", "SN Ic", "SN Ic-BL", "SN Ibc", "SN Ibn", "SN Icn", "SLSN-I", "SLSN-II",
            "TDE", "CV", "Nova", "AGN", "Variable star", "LBV", "ILRT", "LRN", "Galaxy", "Bogus");

    private static final Map<String, String> BY_KEY = new LinkedHashMap<>();

    static {
        for (TransientClass c : TransientClass.values()) {
            BY_KEY.put(key(c.name()), c.name());
        }
        for (String f : FINE_CLASSES) {
            BY_KEY.putIfAbsent(key(f), f);
        }
        BY_KEY.put(key("SNIa"), "SN Ia");
        BY_KEY.put(key("Ia"), "SN Ia");
        BY_KEY.put(key("II"), "SN II");
        BY_KEY.put(key("Other"), TransientClass.OTHER.name());
    }

    private LabelVocabulary() {
    }

    /** A recognised class: as stored, and its top level. */
    public record Known(String fineClass, TransientClass topClass) {
    }

    /** @return the class as stored and its top level, empty if {@code given} is not in the vocabulary */
    public static Optional<Known> recognise(String given) {
        if (given == null) {
            return Optional.empty();
        }
        String fine = BY_KEY.get(key(given));
        if (fine == null) {
            return Optional.empty();
        }
        TransientClass top;
        try {
            top = TransientClass.valueOf(fine);
        } catch (IllegalArgumentException notTop) {
            top = TransientClass.ofFineClass(fine);
        }
        return Optional.of(new Known(fine, top));
    }

    private static String key(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]", "");
        return k.startsWith("sn") && k.length() > 2 && !k.startsWith("sn-") ? k.substring(2) : k;
    }
}
