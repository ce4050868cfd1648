package org.ztfclass.models.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads a list of {@link Evaluation}s as standard JSON (RFC 8259), a document of the
 * form
 * <pre>
 * {"format": "ztfclass-evaluation", "version": 1, "evaluations": [ {...}, ... ]}
 * </pre>
 * in which each evaluation's fields carry the names of the record components
 * ({@code modelName}, {@code classNames}, {@code n}, {@code perClass}, {@code rocCurves},
 * {@code macroAuc}, {@code macroAucCi}, {@code confusionMatrix} as an array of rows
 * {@code [true][predicted]}, {@code accuracy}, {@code balancedAccuracy},
 * {@code balancedAccuracyCi}, {@code calibration}, {@code bootstrapSeed},
 * {@code bootstrapRounds}) plus the derived {@code nPerClass}, ignored on reading.
 *
 * <p>JSON has no NaN or infinity, so: an <em>undefined</em> number (NaN) is written as
 * {@code null}; the threshold of a ROC curve's first point, {@code +Infinity}, is written as
 * {@code null} too (a threshold is never NaN, so this is unambiguous). Finite numbers are
 * written in the shortest form that reads back to the same {@code double}, so
 * {@code read(write(list))} equals {@code list}. Stateless and thread-safe.
 */
public final class EvaluationJson {

    /** Value of the document's {@code format} field. */
    public static final String FORMAT = "ztfclass-evaluation";

    /** Value of the document's {@code version} field. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationJson() {
    }

    /** The evaluations as an indented JSON document. */
    public static String write(List<Evaluation> evaluations) {
        if (evaluations == null) {
            throw new IllegalArgumentException("evaluations is null");
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode list = root.putArray("evaluations");
        for (Evaluation e : evaluations) {
            list.add(evaluation(e));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise a JSON tree", ex); // cannot happen for a tree
        }
    }

    /** Writes {@link #write(List)} to {@code file} in UTF-8, replacing it. */
    public static void write(List<Evaluation> evaluations, Path file) throws IOException {
        Files.writeString(file, write(evaluations), StandardCharsets.UTF_8);
    }

    /**
     * Reads a document written by {@link #write(List)}.
     *
     * @throws IllegalArgumentException if the text is not JSON, not this format, or a field is
     *                                  missing or invalid (the message names it)
     */
    public static List<Evaluation> read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not valid JSON: " + ex.getOriginalMessage(), ex);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a " + FORMAT + " document (its \"format\" field must be \"" + FORMAT
                    + "\")");
        }
        int version = field(root, "version", "document").asInt();
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported " + FORMAT + " version " + version + "; this reader knows "
                    + VERSION);
        }
        JsonNode list = array(root, "evaluations", "document");
        List<Evaluation> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(evaluation(list.get(i), "evaluations[" + i + "]"));
        }
        return List.copyOf(out);
    }

    /** Reads {@link #read(String)} from a UTF-8 file. */
    public static List<Evaluation> read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    // ---- writing ----

    private static ObjectNode evaluation(Evaluation e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("modelName", e.modelName());
        ArrayNode names = o.putArray("classNames");
        e.classNames().forEach(names::add);
        o.put("n", e.n());
        ArrayNode nPerClass = o.putArray("nPerClass");
        e.nPerClass().forEach(nPerClass::add);
        number(o, "accuracy", e.accuracy());
        number(o, "balancedAccuracy", e.balancedAccuracy());
        o.set("balancedAccuracyCi", interval(e.balancedAccuracyCi()));
        ObjectNode macro = o.putObject("macroAuc");
        number(macro, "value", e.macroAuc().value());
        macro.put("definedClasses", e.macroAuc().definedClasses());
        macro.put("totalClasses", e.macroAuc().totalClasses());
        o.set("macroAucCi", interval(e.macroAucCi()));
        ArrayNode perClass = o.putArray("perClass");
        for (ClassMetrics m : e.perClass()) {
            ObjectNode c = perClass.addObject();
            c.put("className", m.className());
            c.put("support", m.support());
            number(c, "auc", m.auc());
            c.set("aucCi", interval(m.aucCi()));
            number(c, "precision", m.precision());
            number(c, "recall", m.recall());
            number(c, "f1", m.f1());
        }
        ArrayNode cm = o.putArray("confusionMatrix");
        for (int[] row : e.confusionMatrix().counts()) {
            ArrayNode r = cm.addArray();
            for (int v : row) {
                r.add(v);
            }
        }
        ObjectNode cal = o.putObject("calibration");
        number(cal, "expectedCalibrationError", e.calibration().expectedCalibrationError());
        number(cal, "brierScore", e.calibration().brierScore());
        number(cal, "logLoss", e.calibration().logLoss());
        ArrayNode bins = cal.putArray("bins");
        for (CalibrationBin b : e.calibration().bins()) {
            ObjectNode bo = bins.addObject();
            bo.put("lower", b.lower());
            bo.put("upper", b.upper());
            bo.put("count", b.count());
            number(bo, "meanConfidence", b.meanConfidence());
            number(bo, "accuracy", b.accuracy());
        }
        ArrayNode curves = o.putArray("rocCurves");
        for (RocCurve rc : e.rocCurves()) {
            ObjectNode co = curves.addObject();
            co.put("className", rc.className());
            co.put("positives", rc.positives());
            co.put("negatives", rc.negatives());
            number(co, "auc", rc.auc());
            ArrayNode points = co.putArray("points");
            for (RocPoint p : rc.points()) {
                ObjectNode po = points.addObject();
                po.put("fpr", p.fpr());
                po.put("tpr", p.tpr());
                if (Double.isInfinite(p.threshold())) {
                    po.putNull("threshold");
                } else {
                    po.put("threshold", p.threshold());
                }
            }
        }
        o.put("bootstrapSeed", e.bootstrapSeed());
        o.put("bootstrapRounds", e.bootstrapRounds());
        return o;
    }

    private static ObjectNode interval(ConfidenceInterval ci) {
        ObjectNode o = MAPPER.createObjectNode();
        number(o, "lower", ci.lower());
        number(o, "upper", ci.upper());
        o.put("level", ci.level());
        o.put("validRounds", ci.validRounds());
        return o;
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    // ---- reading ----

    /** Reads one evaluation; an inconsistency found by a record's own checks is prefixed with {@code where}. */
    private static Evaluation evaluation(JsonNode o, String where) {
        try {
            return readEvaluation(o, where);
        } catch (FieldError ex) {
            throw ex;
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
        }
    }

    private static Evaluation readEvaluation(JsonNode o, String where) {
        String modelName = text(o, "modelName", where);
        List<String> classNames = new ArrayList<>();
        for (JsonNode n : array(o, "classNames", where)) {
            classNames.add(n.asText());
        }
        JsonNode macro = field(o, "macroAuc", where);
        List<ClassMetrics> perClass = new ArrayList<>();
        JsonNode pcs = array(o, "perClass", where);
        for (int i = 0; i < pcs.size(); i++) {
            JsonNode c = pcs.get(i);
            String w = where + ".perClass[" + i + "]";
            perClass.add(new ClassMetrics(text(c, "className", w), integer(c, "support", w), number(c, "auc", w),
                    interval(field(c, "aucCi", w), w + ".aucCi"), number(c, "precision", w), number(c, "recall", w),
                    number(c, "f1", w)));
        }
        JsonNode cmNode = array(o, "confusionMatrix", where);
        int[][] counts = new int[cmNode.size()][];
        for (int t = 0; t < counts.length; t++) {
            JsonNode row = cmNode.get(t);
            counts[t] = new int[row.size()];
            for (int p = 0; p < row.size(); p++) {
                counts[t][p] = row.get(p).asInt();
            }
        }
        JsonNode cal = field(o, "calibration", where);
        List<CalibrationBin> bins = new ArrayList<>();
        JsonNode binNodes = array(cal, "bins", where + ".calibration");
        for (int b = 0; b < binNodes.size(); b++) {
            JsonNode bn = binNodes.get(b);
            String w = where + ".calibration.bins[" + b + "]";
            bins.add(new CalibrationBin(number(bn, "lower", w), number(bn, "upper", w), integer(bn, "count", w),
                    number(bn, "meanConfidence", w), number(bn, "accuracy", w)));
        }
        String cw = where + ".calibration";
        Calibration calibration = new Calibration(bins, number(cal, "expectedCalibrationError", cw),
                number(cal, "brierScore", cw), number(cal, "logLoss", cw));
        List<RocCurve> curves = new ArrayList<>();
        JsonNode curveNodes = array(o, "rocCurves", where);
        for (int c = 0; c < curveNodes.size(); c++) {
            JsonNode cn = curveNodes.get(c);
            String w = where + ".rocCurves[" + c + "]";
            List<RocPoint> points = new ArrayList<>();
            JsonNode pointNodes = array(cn, "points", w);
            for (int p = 0; p < pointNodes.size(); p++) {
                JsonNode pn = pointNodes.get(p);
                String pw = w + ".points[" + p + "]";
                double threshold = field(pn, "threshold", pw).isNull() ? Double.POSITIVE_INFINITY : number(pn, "threshold", pw);
                points.add(new RocPoint(number(pn, "fpr", pw), number(pn, "tpr", pw), threshold));
            }
            curves.add(new RocCurve(text(cn, "className", w), integer(cn, "positives", w), integer(cn, "negatives", w),
                    points, number(cn, "auc", w)));
        }
        return new Evaluation(modelName, classNames, integer(o, "n", where), perClass, curves,
                new MacroAuc(number(macro, "value", where + ".macroAuc"), integer(macro, "definedClasses", where + ".macroAuc"),
                        integer(macro, "totalClasses", where + ".macroAuc")),
                interval(field(o, "macroAucCi", where), where + ".macroAucCi"), ConfusionMatrix.ofCounts(counts),
                number(o, "accuracy", where), number(o, "balancedAccuracy", where),
                interval(field(o, "balancedAccuracyCi", where), where + ".balancedAccuracyCi"), calibration,
                field(o, "bootstrapSeed", where).asLong(), integer(o, "bootstrapRounds", where));
    }

    private static ConfidenceInterval interval(JsonNode o, String where) {
        return new ConfidenceInterval(number(o, "lower", where), number(o, "upper", where), number(o, "level", where),
                integer(o, "validRounds", where));
    }

    private static JsonNode field(JsonNode o, String name, String where) {
        JsonNode v = o == null ? null : o.get(name);
        if (v == null) {
            throw new FieldError(where + " has no field \"" + name + "\"");
        }
        return v;
    }

    private static JsonNode array(JsonNode o, String name, String where) {
        JsonNode v = field(o, name, where);
        if (!v.isArray()) {
            throw new FieldError(where + "." + name + " is not an array");
        }
        return v;
    }

    /** A number field; {@code null} reads as NaN (undefined). */
    private static double number(JsonNode o, String name, String where) {
        JsonNode v = field(o, name, where);
        if (v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new FieldError(where + "." + name + " is not a number: " + v);
        }
        return v.doubleValue();
    }

    private static int integer(JsonNode o, String name, String where) {
        JsonNode v = field(o, name, where);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new FieldError(where + "." + name + " is not an integer: " + v);
        }
        return v.intValue();
    }

    private static String text(JsonNode o, String name, String where) {
        JsonNode v = field(o, name, where);
        if (!v.isTextual()) {
            throw new FieldError(where + "." + name + " is not a string: " + v);
        }
        return v.asText();
    }

    /** A missing or mistyped field; its message already names the place. */
    private static final class FieldError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        FieldError(String message) {
            super(message);
        }
    }
}
