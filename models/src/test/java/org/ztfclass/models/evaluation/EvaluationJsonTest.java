package org.ztfclass.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationJsonTest {

    /** Two models; the second has no OTHER objects, so several of its numbers are undefined. */
    static List<Evaluation> sample() {
        Fixtures.Data d = Fixtures.threeClass(120, 21);
        Evaluation full = Evaluator.evaluate("xgboost v1", d.y(), d.p(), Fixtures.CLASSES, 5, 200);
        int[] y = {0, 1, 0, 1, 1, 0};
        double[][] p = {{0.6, 0.3, 0.1}, {0.3, 0.6, 0.1}, {0.5, 0.4, 0.1}, {0.4, 0.4, 0.2}, {0.2, 0.7, 0.1},
            {0.1, 0.1, 0.8}};
        Evaluation partial = Evaluator.evaluate("tiny <test> & \"quotes\"", y, p, Fixtures.CLASSES, 6, 50);
        return List.of(full, partial);
    }

    @Test
    void roundTripGivesEqualEvaluations() {
        List<Evaluation> evs = sample();
        assertTrue(Double.isNaN(evs.get(1).perClass().get(2).auc()), "the sample must contain an undefined number");
        assertEquals(evs, EvaluationJson.read(EvaluationJson.write(evs)));
    }

    @Test
    void isStandardJsonWithNullForUndefined() throws Exception {
        String json = EvaluationJson.write(sample());
        assertFalse(json.contains("NaN") || json.contains("Infinity"), "JSON has no NaN or Infinity");
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals("ztfclass-evaluation", root.get("format").asText());
        assertEquals(1, root.get("version").asInt());
        JsonNode first = root.get("evaluations").get(0);
        assertEquals("xgboost v1", first.get("modelName").asText());
        assertEquals(120, first.get("n").asInt());
        assertEquals(3, first.get("perClass").size());
        assertEquals(200, first.get("bootstrapRounds").asInt());
        assertTrue(first.get("rocCurves").get(0).get("points").get(0).get("threshold").isNull(),
                "the (0, 0) point's +Infinity threshold is written as null");
        JsonNode second = root.get("evaluations").get(1);
        assertEquals("tiny <test> & \"quotes\"", second.get("modelName").asText());
        assertTrue(second.get("perClass").get(2).get("auc").isNull());
        assertTrue(second.get("perClass").get(2).get("aucCi").get("lower").isNull());
        assertEquals(2, second.get("macroAuc").get("definedClasses").asInt());
        assertEquals("[3,3,0]", second.get("nPerClass").toString());
        assertEquals("[[2,0,1],[1,2,0],[0,0,0]]", second.get("confusionMatrix").toString());
    }

    @Test
    void writesAndReadsFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("evaluations.json");
        List<Evaluation> evs = sample();
        EvaluationJson.write(evs, f);
        assertEquals(evs, EvaluationJson.read(f));
    }

    @Test
    void rejectsOtherDocumentsWithAClearMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EvaluationJson.read("{not json"))
                .getMessage().startsWith("not valid JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EvaluationJson.read("{\"format\": \"other\"}"))
                .getMessage().contains("not a ztfclass-evaluation document"));
        String noName = EvaluationJson.write(sample()).replaceFirst("\"modelName\"", "\"name\"");
        assertEquals("evaluations[0] has no field \"modelName\"",
                assertThrows(IllegalArgumentException.class, () -> EvaluationJson.read(noName)).getMessage());
    }
}
