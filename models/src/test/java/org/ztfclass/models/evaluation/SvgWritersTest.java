package org.ztfclass.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgWritersTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final List<Evaluation> SAMPLE = EvaluationJsonTest.sample();

    /** Parses an SVG and checks what every plot must have; returns the document. */
    private static Document checkedSvg(String svg, String expectedTitleStart) throws Exception {
        Document d = Xhtml.parse(svg);
        Element root = d.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SVG_NS, root.getNamespaceURI());
        assertTrue(root.getAttribute("viewBox").matches("0 0 [0-9.]+ [0-9.]+"), root.getAttribute("viewBox"));
        assertFalse(root.hasAttribute("width") || root.hasAttribute("height"), "no fixed size: it scales");
        assertEquals("img", root.getAttribute("role"));
        assertTrue(root.getAttribute("aria-label").startsWith(expectedTitleStart), root.getAttribute("aria-label"));
        List<Element> kids = Xhtml.children(root);
        assertEquals("title", kids.get(0).getLocalName());
        assertTrue(kids.get(0).getTextContent().startsWith(expectedTitleStart));
        assertEquals("desc", kids.get(1).getLocalName());
        assertTrue(kids.get(1).getTextContent().length() > 50, "a real description");
        return d;
    }

    private static String texts(Document d) {
        return Xhtml.elements(d, "text").stream().map(Element::getTextContent).collect(Collectors.joining("\n"));
    }

    @Test
    void rocPlotHasAxesLegendAndOneLinePerDefinedClass() throws Exception {
        Evaluation e = SAMPLE.get(0);
        Document d = checkedSvg(RocSvg.render(e), "ROC curves");
        String t = texts(d);
        assertTrue(t.contains("False positive rate") && t.contains("True positive rate"), t);
        for (ClassMetrics m : e.perClass()) {
            assertTrue(t.contains(m.className() + ": AUC " + Fmt.num(m.auc())), "legend names " + m.className());
        }
        assertTrue(t.contains("chance"));
        assertEquals(3, Xhtml.elements(d, "polyline").size(), "one curve per class");
        long dashed = Xhtml.elements(d, "polyline").stream().map(p -> p.getAttribute("stroke-dasharray")).distinct().count();
        assertEquals(3, dashed, "line styles differ, not only colours");
        String desc = Xhtml.elements(d, "desc").get(0).getTextContent();
        assertTrue(desc.contains("SN_IA: AUC") && desc.contains("solid line, circles"), desc);
    }

    @Test
    void rocPlotSaysWhichCurvesAreUndefined() throws Exception {
        Evaluation e = SAMPLE.get(1); // no OTHER objects, name with markup characters
        Document d = checkedSvg(RocSvg.render(e), "ROC curves (one class vs rest) of tiny <test> & \"quotes\"");
        assertEquals(2, Xhtml.elements(d, "polyline").size());
        assertTrue(texts(d).contains("OTHER: not drawn, no objects of this class"), texts(d));
        assertTrue(Xhtml.elements(d, "desc").get(0).getTextContent().contains("OTHER: not drawn, AUC undefined"));
    }

    @Test
    void reliabilityDiagramShowsBinsAndScores() throws Exception {
        Evaluation e = SAMPLE.get(0);
        Document d = checkedSvg(ReliabilitySvg.render(e), "Reliability diagram");
        String t = texts(d);
        assertTrue(t.contains("Confidence (largest probability)") && t.contains("Accuracy"), t);
        assertTrue(t.contains("ECE " + Fmt.num(e.calibration().expectedCalibrationError())), t);
        long nonEmpty = e.calibration().bins().stream().filter(b -> !b.isEmpty()).count();
        assertEquals(nonEmpty, Xhtml.elements(d, "circle").size() - 1, "one circle per non-empty bin, plus the legend's");
        String desc = Xhtml.elements(d, "desc").get(0).getTextContent();
        assertTrue(desc.contains("objects, mean confidence"), desc);
    }

    @Test
    void confusionHeatMapWritesEveryCountAsText() throws Exception {
        Evaluation e = SAMPLE.get(1);
        Document d = checkedSvg(ConfusionMatrixSvg.render(e), "Confusion matrix");
        String t = texts(d);
        assertTrue(t.contains("Predicted class") && t.contains("True class"), t);
        List<String> cellTexts = Xhtml.elements(d, "text").stream().filter(x -> "bold".equals(x.getAttribute("font-weight"))
                && "17".equals(x.getAttribute("font-size"))).map(Element::getTextContent).toList();
        assertEquals(List.of("2", "0", "1", "1", "2", "0", "0", "0", "0"), cellTexts, "row by row");
        assertTrue(t.contains("67%"), "row share of the 2 in the first row: " + t);
        String desc = Xhtml.elements(d, "desc").get(0).getTextContent();
        assertTrue(desc.contains("True SN_IA (3 objects): predicted SN_IA 2, predicted SN_II 0, predicted OTHER 1"), desc);
    }
}
