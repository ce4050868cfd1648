package org.ztfclass.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlReportTest {

    private static List<Evaluation> models() {
        Fixtures.Data d = Fixtures.threeClass(150, 31);
        List<Evaluation> evs = new ArrayList<>();
        evs.add(Evaluator.evaluate("XGBoost", d.y(), d.p(), Fixtures.CLASSES, 1, 200));
        evs.add(Evaluator.evaluate("Majority baseline", d.y(),
                MajorityBaseline.probabilities(new int[] {0, 0, 1, 2}, 3, d.y().length), Fixtures.CLASSES, 1, 200));
        evs.add(EvaluationJsonTest.sample().get(1)); // "tiny <test> & \"quotes\"", with undefined numbers
        return evs;
    }

    @Test
    void pageIsWellFormedAccessibleAndComparesEveryModel() throws Exception {
        List<Evaluation> evs = models();
        String html = HtmlReport.render("ZTF classifier comparison", evs);
        Document d = Xhtml.parse(html);
        Element root = d.getDocumentElement();
        assertEquals("html", root.getLocalName());
        assertEquals("en", root.getAttribute("lang"));
        assertEquals("ZTF classifier comparison", Xhtml.elements(d, "title").get(0).getTextContent());
        assertEquals(1, Xhtml.elements(d, "h1").size());
        String body = Xhtml.elements(d, "body").get(0).getTextContent();
        for (Evaluation e : evs) {
            assertTrue(body.contains(e.modelName()), "page names " + e.modelName());
            assertTrue(Xhtml.elements(d, "h3").stream().anyMatch(h -> h.getTextContent().equals(e.modelName())));
        }
        assertTrue(body.contains("undefined"), "undefined numbers are spelt out");

        List<Element> tables = Xhtml.elements(d, "table");
        assertEquals(1 + 3 * evs.size(), tables.size(), "summary + per-class, confusion and reliability tables per model");
        for (Element t : tables) {
            List<Element> kids = Xhtml.children(t);
            assertEquals("caption", kids.get(0).getLocalName(), "every table starts with a caption");
            assertFalse(kids.get(0).getTextContent().isBlank());
        }
        for (Element th : Xhtml.elements(d, "th")) {
            assertTrue(th.getAttribute("scope").equals("col") || th.getAttribute("scope").equals("row"),
                    "header cell without scope: " + th.getTextContent());
        }
        List<Element> svgs = Xhtml.elements(d, "svg");
        assertEquals(3 * evs.size(), svgs.size(), "heat map, ROC and reliability plot per model");
        for (Element svg : svgs) {
            assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
            assertEquals("img", svg.getAttribute("role"));
            assertFalse(svg.getAttribute("aria-label").isBlank());
        }
        assertTrue(Xhtml.elements(d, "script").isEmpty(), "no JavaScript");
        assertTrue(Xhtml.elements(d, "img").isEmpty() && Xhtml.elements(d, "link").isEmpty(), "no external assets");
        assertFalse(html.contains("src=") || html.contains("href=\"http") || html.contains("url("), "nothing loaded");
    }

    @Test
    void summaryRowsCarryTheHeadlineNumbers() throws Exception {
        List<Evaluation> evs = models();
        Document d = Xhtml.parse(HtmlReport.render("Report", evs));
        Element summary = Xhtml.elements(d, "table").get(0);
        Element tbody = Xhtml.children(summary).stream().filter(x -> x.getLocalName().equals("tbody")).findFirst().orElseThrow();
        List<Element> rows = Xhtml.children(tbody);
        assertEquals(evs.size(), rows.size());
        String xgb = rows.get(0).getTextContent();
        Evaluation e = evs.get(0);
        assertTrue(xgb.contains(Fmt.withInterval(e.macroAuc().value(), e.macroAucCi())), xgb);
        assertTrue(xgb.contains(Fmt.withInterval(e.balancedAccuracy(), e.balancedAccuracyCi())), xgb);
        assertTrue(xgb.contains("3 of 3 classes"), xgb);
        assertTrue(xgb.contains("(best)"), "the real model beats the baseline on AUC: " + xgb);
        String baseline = rows.get(1).getTextContent();
        assertTrue(baseline.contains("0.500"), "baseline macro AUC 0.5: " + baseline);
        assertTrue(rows.get(2).getTextContent().contains("2 of 3 classes"), rows.get(2).getTextContent());
        assertTrue(summary.getTextContent().contains("Macro AUC"));
        assertTrue(Xhtml.elements(d, "body").get(0).getTextContent().contains("not evaluated on the same classes"),
                "the third model used different data and the page warns");
    }

    @Test
    void oddModelNamesStayWellFormedAndMissingIntervalsAreSaid() throws Exception {
        int[] y = {0, 1, 1, 0};
        double[][] p = {{0.9, 0.1}, {0.3, 0.7}, {0.6, 0.4}, {0.2, 0.8}};
        Evaluation e = Evaluator.evaluate("ctrl\u0001 <b>&amp; ]]> \uD83D\uDE80", y, p, List.of("A", "B"), 1, 0);
        Document d = Xhtml.parse(HtmlReport.render("T", List.of(e)));
        String body = Xhtml.elements(d, "body").get(0).getTextContent();
        assertTrue(body.contains("ctrl\uFFFD <b>&amp; ]]> \uD83D\uDE80"), "escaped, control character replaced");
        assertTrue(body.contains("0.500 (no interval)"), "0 bootstrap rounds: the page says there is no interval");
    }

    @Test
    void writesUtf8File(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.html");
        HtmlReport.write(f, "Report – ZTF", models());
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<!DOCTYPE html>"));
        assertTrue(text.contains("Report – ZTF"));
        Xhtml.parse(text);
    }

    @Test
    void rejectsEmptyInput() {
        assertEquals("evaluations is empty; the report needs at least one model",
                assertThrows(IllegalArgumentException.class, () -> HtmlReport.render("t", List.of())).getMessage());
        assertEquals("title is blank",
                assertThrows(IllegalArgumentException.class, () -> HtmlReport.render(" ", models())).getMessage());
    }
}
