package org.ztfclass.votables.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransientClassTest {

    @ParameterizedTest
    @CsvSource({
        "SN Ia, SN_IA", "SN Ia-91T, SN_IA", "SN Ia-91T-like, SN_IA", "SN Iax, SN_IA", "SN Ia-CSM, SN_IA", "SN Ia-pec, SN_IA",
        "SNIa, SN_IA", "SN_IA, SN_IA", "Ia, SN_IA",
        "SN II, SN_II", "SN IIn, SN_II", "SN IIb, SN_II", "SN IIP, SN_II", "SN II-pec, SN_II", "SNII, SN_II", "SN_II, SN_II",
        "SN Ic, OTHER", "SN Ib/c, OTHER", "SNIbc, OTHER", "SLSN-I, OTHER", "SLSN-II, OTHER", "TDE, OTHER", "nova, OTHER",
        "CV/Nova, OTHER", "AGN, OTHER", "LPV, OTHER", "other, OTHER", "SN I, OTHER"})
    void mapsFineClassesToTheTopLevel(String fine, TransientClass expected) {
        assertEquals(expected, TransientClass.ofFineClass(fine));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "nan", " ", "unknown"})
    void unclassifiedMarkersAreNoClass(String marker) {
        assertFalse(TransientClass.isClassified(marker));
        assertThrows(IllegalArgumentException.class, () -> TransientClass.ofFineClass(marker));
    }
}
