package org.ztfclass.server.web;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
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
 * The pages served today, in a real headless Chromium (Debian's, with its chromedriver): no
 * axe-core violation, no horizontal scrolling on phone, laptop and wide screens, and the keyboard
 * reaches the links.
 */
class PagesAccessibilityTest {

    @TempDir
    static Path tmp;

    private static ApiServer server;
    private static ChromeDriver browser;
    private static final List<String> PAGES = List.of("/", "/funnel", "/objects/ZTF20aaelulu", "/learning", "/learning/agreement", "/stream");

    @BeforeAll
    static void start() throws Exception {
        Database db = TestStores.open(tmp.resolve("web.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerts")), IngestProgress.SILENT);
        new FunnelRunner(new FunnelStore(db)).run(FunnelConfig.defaults());
        StoreScoring.scoreAll(db, TrainedModel.trainAndSave(new ObjectDataLoader(db).labelled(), 9, tmp.resolve("model")).bundle());
        // a second, newer version rolled back, so the object page shows both the serving version and the history table
        ModelVersions versions = new ModelVersions(db);
        String serving = versions.serving().orElseThrow().version();
        new PredictionStore(db).write("rolled-back", null, null, List.of(new Prediction("ZTF20aaelulu", "rolled-back", 0.1, 0.8, 0.1)));
        versions.serve(serving);
        StreamPageTest.recordStream(db);
        server = new ApiServer(db).start("127.0.0.1", 0);
        browser = HeadlessChromium.start(tmp.resolve("chromium-profile"));
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

    @Test
    void axeFindsNoViolation() {
        browser.manage().window().setSize(new Dimension(1366, 900));
        for (String page : PAGES) {
            browser.get(url(page));
            if (page.startsWith("/objects/")) {
                assertEquals(1, browser.findElements(org.openqa.selenium.By.id("prob-history")).size(), "axe sees the history table too");
            }
            Results results = new AxeBuilder().analyze(browser);
            String violations = results.getViolations().stream()
                    .map((Rule r) -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " x" + r.getNodes().size())
                    .collect(Collectors.joining("; "));
            assertTrue(results.getViolations().isEmpty(), page + ": " + violations);
            assertTrue(results.getPasses().size() > 5, page + ": axe ran its rules");
            // issue 16: times read 2026-12-04 18:26 UTC (model version names, e.g. 2026-12-04T18:26:46Z-fused-s9, are identifiers)
            Object isoInText = ((JavascriptExecutor) browser).executeScript(
                    "return (document.body.innerText.match(/\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(?!:\\d\\d(\\.\\d+)?Z-)\\S*/) || [null])[0];");
            assertEquals(null, isoInText, page + " shows a raw ISO time instead of 2026-12-04 18:26 UTC");
            if (page.equals("/funnel")) {
                assertTrue(browser.findElement(org.openqa.selenium.By.tagName("time")).getText().endsWith(" UTC"), "the run's start time");
            }
        }
    }

    @Test
    void noHorizontalScrollingOnPhoneLaptopOrWideScreen() {
        for (Dimension screen : List.of(new Dimension(375, 800), new Dimension(1366, 900), new Dimension(1920, 1080))) {
            browser.manage().window().setSize(screen);
            for (String page : PAGES) {
                browser.get(url(page));
                Object fits = ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth <= window.innerWidth + 1;");
                assertEquals(Boolean.TRUE, fits, page + " at " + screen);
            }
        }
    }

    @Test
    void theKeyboardReachesTheLinks() {
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/funnel"));
        browser.findElement(org.openqa.selenium.By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("a", focused.getTagName(), "the first Tab lands on a link");
        assertTrue(focused.getAttribute("href").endsWith("#main"), "the skip link first: " + focused.getAttribute("href"));
        focused.sendKeys(Keys.TAB);
        focused = browser.switchTo().activeElement();
        assertTrue(focused.getAttribute("href").endsWith("/"), "then the site navigation: " + focused.getAttribute("href"));
    }
}
