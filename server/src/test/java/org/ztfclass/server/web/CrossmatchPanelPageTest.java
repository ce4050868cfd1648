package org.ztfclass.server.web;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.CrossmatchCache;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.crossmatch.CatalogueAnswerReader;
import org.ztfclass.votables.crossmatch.Catalogues;
import org.ztfclass.votables.domain.CatalogueEntry;

/**
 * AT2022tsd's page with the cross-match panel (recorded Gaia answer in the cache, a stale entry,
 * the real radio and multi-survey photometry) in a real headless Chromium: axe-clean, fits phone,
 * laptop and wide screens, the keyboard reaches the panel's links, and its script publishes the
 * matches for an Aladin view.
 */
class CrossmatchPanelPageTest {

    private static final String ID = "ZTF22abftjko";

    @TempDir
    static Path tmp;

    private static ApiServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Database db = TestStores.open(tmp.resolve("page.db"));
        new StoreWriter(db).writeCatalogue(List.of(new CatalogueEntry("BTS", ID, "AT2022tsd", 50.0453078, 8.7488721, null, null, null,
                19.0, null, null, null, null, null, null, null, null)), "test");
        new IngestService(new StoreWriter(db)).forObject(ID).ingest(List.of(Samples.path("at2022tsd")), IngestProgress.SILENT);
        CrossmatchCache cache = new CrossmatchCache(db);
        var gaia = Catalogues.byKey("gaia_dr3");
        byte[] recorded = Files.readAllBytes(Samples.path("test-only/crossmatch/gaia-dr3-archive-tap.vot"));
        CrossmatchCache.Key key = new CrossmatchCache.Key(ID, "gaia_dr3", 5.0, gaia.version());
        cache.storeAnswer(key, "ESA Gaia archive (recorded)", "recorded", Instant.parse("2026-11-01T00:00:00Z"),
                CatalogueAnswerReader.read(recorded, "recorded", gaia, 50.0453078, 8.7488721).records(), 0);
        cache.storeFailure(key, "CDS VizieR", Instant.now(), "CDS VizieR I/355/gaiadr3 for " + ID + ": no answer within 30000 ms");
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

    private static String url() {
        return "http://127.0.0.1:" + server.port() + "/objects/" + ID;
    }

    @Test
    void panelShowsCachedMatchesStalenessAndRadioPlotsWithTables() throws Exception {
        String html = new String(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url())).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("id=\"crossmatches\""), "panel present");
        assertTrue(html.contains("Gaia DR3</th><td>optical</td><td>stale"), "stale state shown");
        assertTrue(html.contains("Gaia DR3 (stale)"), "stale rows marked");
        assertTrue(html.contains("aria-labelledby=\"radio-sed-t radio-sed-d\""), "radio spectrum plot");
        assertTrue(html.contains("NOEMA") && html.contains("not detected"), "radio table with non-detections");
        assertTrue(html.contains("aria-labelledby=\"multi-lc-t multi-lc-d\""), "multi-survey light curve");
    }

    @Test
    void theLightCurveDrawsForcedPhotometryAndOtherSurveysBesideTheAlerts() {
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.get(url());
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30)).until(d -> ((Number)
                ((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('#lc-plot canvas').length")).intValue() == 1);
        String legend = String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#lc-plot .u-legend .u-series')].map(e => e.textContent).join('|')"));
        assertTrue(legend.contains("ZTF-forced g mag") && legend.contains("ATLAS mag") && legend.contains("PS1 z mag"), "forced and ATLAS series: " + legend);
        String toggles = browser.findElement(By.id("lc-controls")).getText();
        assertTrue(toggles.contains("ZTF-forced g") && toggles.contains("ATLAS"), "each can be switched off: " + toggles);
    }

    @Test
    void axeCleanAndFitsEveryScreen() {
        for (Dimension screen : List.of(new Dimension(390, 844), new Dimension(1366, 768), new Dimension(2560, 1080))) {
            browser.manage().window().setSize(screen);
            browser.get(url());
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
            String violations = results.getViolations().stream()
                    .map((Rule r) -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " x" + r.getNodes().size())
                    .collect(Collectors.joining("; "));
            assertTrue(results.getViolations().isEmpty(), screen + ": " + violations);
            Object fits = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;");
            assertEquals(Boolean.TRUE, fits, "no horizontal scrolling at " + screen);
        }
    }

    @Test
    void keyboardReachesThePanelAndTheScriptPublishesMatches() {
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.get(url());
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        boolean reached = false;
        for (int i = 0; i < 200 && !reached; i++) {
            WebElement focused = browser.switchTo().activeElement();
            String href = focused.getAttribute("href");
            reached = href != null && href.contains("/crossmatches?format=votable");
            focused.sendKeys(Keys.TAB);
        }
        assertTrue(reached, "Tab reaches the panel's VOTable link");
        Object n = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[0]; var t0 = Date.now(); (function wait() { if (window.ztfclassCrossmatches) { done(window.ztfclassCrossmatches.length); }"
                        + " else if (Date.now() - t0 > 10000) { done(-1); } else { setTimeout(wait, 50); } })();");
        assertEquals(2L, ((Number) n).longValue(), "the two recorded Gaia sources are handed to an Aladin view");
    }
}
