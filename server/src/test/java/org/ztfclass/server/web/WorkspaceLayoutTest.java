package org.ztfclass.server.web;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.funnel.FunnelConfig;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.learning.ModelVersions;
import org.ztfclass.server.learning.StoreScoring;
import org.ztfclass.server.learning.TrainedModel;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.Prediction;

/**
 * Issue 16, the object page as a workspace, in real headless Chromium at the three screens the
 * issue names: at 1366×768 the cutout triplet, the light curve, the class probabilities, the label
 * buttons and the next-object control all lie in the first 768 px; at 390×844 no page scrolls
 * sideways and no word is split inside a table cell; at 2560×1080 the page uses the width (no wide
 * empty margins, light curve and cutouts side by side) and no header breaks mid-word. With
 * {@code -Dztfclass.screenshots=DIR} it also saves the object page at the three sizes there (how
 * the screenshots in {@code docs/} are made).
 */
class WorkspaceLayoutTest {

    @TempDir
    static Path tmp;

    private static final String OBJECT = "ZTF20aaelulu";
    private static final List<String> PAGES = List.of("/objects/" + OBJECT, "/queue", "/funnel", "/model", "/learning",
            "/learning/agreement", "/account");
    private static ApiServer server;
    private static ChromeDriver browser;

    /** Words split across lines inside table cells (a hyphen or slash break counts too), at most ten. */
    private static final String SPLIT_WORDS = "const out = [];"
            + "for (const cell of document.querySelectorAll('main th, main td')) {"
            + "  const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT); let n;"
            + "  while ((n = walk.nextNode())) { const re = /\\S+/g; let m;"
            + "    while ((m = re.exec(n.data))) { const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);"
            + "      const rects = [...r.getClientRects()].filter(x => x.width > 0);"
            + "      if (rects.some(x => Math.abs(x.top - rects[0].top) > 2)) { out.push(m[0]); } } } }"
            + "return out.slice(0, 10).join(' | ');";

    /** The innermost elements that reach past the right edge of the screen, at most five. */
    private static final String WIDER_THAN_SCREEN = "return [...document.querySelectorAll('body *')]"
            + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))"
            + ".filter(e => !e.closest('.scroll')).slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' in ' + ((e.closest('table, section') || {}).id || '?') + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');";

    @BeforeAll
    static void start() throws Exception {
        Database db = TestStores.open(tmp.resolve("workspace.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerts")), IngestProgress.SILENT);
        new FunnelRunner(new FunnelStore(db)).run(FunnelConfig.defaults());
        StoreScoring.scoreAll(db, TrainedModel.trainAndSave(new ObjectDataLoader(db).labelled(), 9, tmp.resolve("model")).bundle());
        // the shipped model's manifest, with its cross-validated early-classification metrics, as the serving version's
        String manifest = Files.readString(Samples.path("alerts").getParent().getParent().resolve("models/ztfclass-default/manifest.json"));
        new PredictionStore(db).write("shipped-manifest", null, manifest, List.of(new Prediction(OBJECT, "shipped-manifest", 0.2, 0.3, 0.5)));
        new ModelVersions(db).serve("shipped-manifest");
        new UserStore(db).create("lab", Role.LABELLER, "lab-password-1");
        server = new ApiServer(db).start("127.0.0.1", 0);
        browser = HeadlessChromium.start(tmp.resolve("chromium-profile"));
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.get(url("/signin?next=/queue"));
        browser.findElement(By.id("name")).sendKeys("lab");
        browser.findElement(By.id("password")).sendKeys("lab-password-1", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/queue"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.stop();
    }

    private static String url(String page) {
        return "http://127.0.0.1:" + server.port() + page;
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Sizes the window so that the page itself (the viewport) is {@code screen}, whatever the browser's own frame takes. */
    private static void viewport(Dimension screen) {
        browser.manage().window().setSize(screen);
        int w = ((Number) js("return window.innerWidth")).intValue();
        int h = ((Number) js("return window.innerHeight")).intValue();
        browser.manage().window().setSize(new Dimension(2 * screen.width - w, 2 * screen.height - h));
    }

    private static void openObject(Dimension screen) throws IOException {
        viewport(screen);
        browser.get(url("/objects/" + OBJECT));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> ((Number) js(
                "return document.querySelectorAll('#lc-plot canvas').length + [...document.querySelectorAll('#cutouts img')]"
                        + ".filter(i => i.complete && i.naturalWidth > 0).length")).intValue() == 4);
        String dir = System.getProperty("ztfclass.screenshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, "object-page-" + screen.width + "x" + screen.height + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    /** @return the lowest bottom edge, in page pixels, of what {@code selector} selects; -1 if nothing */
    private static double bottom(String selector) {
        return ((Number) js("const e = [...document.querySelectorAll('" + selector + "')];"
                + "return e.length === 0 ? -1 : Math.max(...e.map(x => x.getBoundingClientRect().bottom + window.scrollY));")).doubleValue();
    }

    @Test
    void theFiveWorkspaceElementsAreInTheFirst768PixelsOfALaptop() throws IOException {
        openObject(new Dimension(1366, 768));
        assertEquals(768L, ((Number) js("return window.innerHeight")).longValue(), "the viewport is 1366x768");
        for (String element : List.of("#cutouts img", "#lc-plot canvas", "#prob-current", "#label-form button[value=SN_IA]", "#next-object")) {
            double b = bottom(element);
            assertTrue(b > 0, element + " is on the page");
            assertTrue(b <= 768, element + " ends at " + b + " px, below the first 768 px");
        }
    }

    @Test
    void theLightCurveMarksTheModelsEarlyClassificationPhases() throws IOException {
        openObject(new Dimension(1366, 768));
        String phases = String.valueOf(js("return document.getElementById('lc-early').textContent"));
        assertTrue(phases.matches("\\[\\[5,0\\.\\d{4}\\].*"), "the serving model's early phases, from its manifest: " + phases);
        assertTrue(browser.findElement(By.id("lc-summary")).getText().contains("Early classification by the serving model (cross-validated macro AUC"),
                "said in the text alternative too");
    }

    @Test
    void aPhoneNeverScrollsSidewaysNorSplitsAWordInATable() {
        viewport(new Dimension(390, 844));
        for (String page : PAGES) {
            browser.get(url(page));
            assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth + 1"), page + " scrolls sideways: "
                    + js(WIDER_THAN_SCREEN));
            assertEquals("", js(SPLIT_WORDS), page + ": words split inside table cells");
        }
    }

    @Test
    void aWideScreenUsesItsWidth() throws IOException {
        openObject(new Dimension(2560, 1080));
        double mainWidth = ((Number) js("return document.querySelector('main').getBoundingClientRect().width / window.innerWidth")).doubleValue();
        assertTrue(mainWidth > 0.9, "the content spans " + mainWidth + " of the width");
        assertEquals(Boolean.TRUE, js("return document.querySelector('.ws-lc').getBoundingClientRect().right"
                + " <= document.querySelector('.ws-side').getBoundingClientRect().left"), "light curve and cutouts side by side");
        for (String page : PAGES) {
            browser.get(url(page));
            assertEquals("", js(SPLIT_WORDS), page + ": words split inside table cells");
        }
    }

    @Test
    void screenshotsOfThePhoneSize() throws IOException {
        openObject(new Dimension(390, 844)); // the phone shot (and the page loads there with its plots)
        assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth + 1"));
    }
}
