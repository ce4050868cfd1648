package org.ztfclass.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EvaluationInputsTest {

    private static final List<String> K3 = Fixtures.CLASSES;

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void acceptsValidInputsIncludingFloat32Rounding() {
        assertDoesNotThrow(() -> EvaluationInputs.check(new int[] {0, 2}, new double[][] {{0.2, 0.3, 0.5},
            {0.1f, 0.2f, 0.7f}}, K3));
    }

    @Test
    void namesTheMismatchedLengths() {
        assertEquals("trueClass has 3 entries but probabilities has 2 rows; they must describe the same objects",
                message(() -> EvaluationInputs.check(new int[] {0, 1, 2}, new double[][] {{1, 0, 0}, {0, 1, 0}}, K3)));
        assertEquals("probabilities[1] has 2 columns but there are 3 classes",
                message(() -> EvaluationInputs.check(new int[] {0, 1}, new double[][] {{1, 0, 0}, {0, 1}}, K3)));
    }

    @Test
    void namesTheBadValue() {
        assertEquals("probabilities[1][2] is NaN", message(() -> EvaluationInputs.check(new int[] {0, 1},
                new double[][] {{1, 0, 0}, {0.5, 0.5, Double.NaN}}, K3)));
        assertEquals("probabilities[0][0] = -0.1 is outside [0, 1]", message(() -> EvaluationInputs.check(new int[] {0},
                new double[][] {{-0.1, 0.6, 0.5}}, K3)));
        assertEquals("probabilities[0] sums to 1.5, not 1 (tolerance 1.0E-4)", message(() -> EvaluationInputs.check(
                new int[] {0}, new double[][] {{0.5, 0.5, 0.5}}, K3)));
        assertEquals("trueClass[1] = 3 is outside the class range 0..2", message(() -> EvaluationInputs.check(
                new int[] {0, 3}, new double[][] {{1, 0, 0}, {1, 0, 0}}, K3)));
        assertEquals("trueClass[0] = -1 is outside the class range 0..2", message(() -> EvaluationInputs.check(
                new int[] {-1}, new double[][] {{1, 0, 0}}, K3)));
    }

    @Test
    void namesMissingOrEmptyInputs() {
        assertEquals("trueClass is null", message(() -> EvaluationInputs.check(null, new double[][] {{1, 0, 0}}, K3)));
        assertEquals("probabilities is null", message(() -> EvaluationInputs.check(new int[] {0}, null, K3)));
        assertEquals("trueClass is empty; at least one object is needed",
                message(() -> EvaluationInputs.check(new int[0], new double[0][], K3)));
        assertEquals("probabilities[0] is null",
                message(() -> EvaluationInputs.check(new int[] {0}, new double[][] {null}, K3)));
    }

    @Test
    void namesBadClassNames() {
        assertEquals("classNames has 1 entries; at least 2 classes are needed",
                message(() -> EvaluationInputs.checkClassNames(List.of("SN_IA"))));
        assertEquals("classNames[2] = \"SN_IA\" is a duplicate",
                message(() -> EvaluationInputs.checkClassNames(List.of("SN_IA", "SN_II", "SN_IA"))));
        assertEquals("classNames[1] is blank", message(() -> EvaluationInputs.checkClassNames(List.of("SN_IA", " "))));
        assertEquals("classNames[1] is null", message(() -> EvaluationInputs.checkClassNames(Arrays.asList("a", null))));
        assertEquals("probabilities[0] has 3 columns but there are 2 classes", message(() -> EvaluationInputs.check(
                new int[] {0}, new double[][] {{1, 0, 0}}, List.of("a", "b"))));
    }
}
