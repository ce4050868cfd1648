package org.ztfclass.server.web;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.auth.UtcTime;
import org.ztfclass.server.funnel.FunnelConfig;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.labels.LabelRequest;
import org.ztfclass.server.labels.LabelService;
import org.ztfclass.server.labels.LabelSource;
import org.ztfclass.server.learning.StoreScoring;
import org.ztfclass.server.learning.TrainedModel;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.StoreWriter;

/**
 * The web application in a real headless Chromium against a real server on a temp SQLite store
 * with the shipped sample: sign in, the object list, an object page (light curve, cutouts),
 * labelling by keyboard, the label in the history after a reload, no XSS through object names or
 * comments, and axe-core (WCAG 2.1 A/AA) with no violation on every page at phone, laptop and
 * ultra-wide sizes, without horizontal scrolling.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebApplicationTest {

    @TempDir
    static Path tmp;

    private static ApiServer server;
    private static ChromeDriver browser;
    private static Database db;
    static final String OBJECT = "ZTF20aaelulu";
    static final String XSS_OBJECT = "ZTFxss<img src=x onerror=window.__xss=1>";
    static final String XSS_COMMENT = "<script>window.__xss=2</script><b>bold?</b>";
    private static final String ADVANCE_KEY = "ztfclass.labelling.advance";
    private static final List<Dimension> SCREENS = List.of(new Dimension(390, 844), new Dimension(1366, 768), new Dimension(2560, 1080));

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("webapp.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerts")), IngestProgress.SILENT);
        new FunnelRunner(new FunnelStore(db)).run(FunnelConfig.defaults());
        Path model = tmp.resolve("model");
        StoreScoring.scoreAll(db, TrainedModel.trainAndSave(new ObjectDataLoader(db).labelled(), 9, model).bundle());
        UserStore users = new UserStore(db);
        users.create("lab", Role.LABELLER, "lab-password-1");
        users.create("boss", Role.ADMIN, "boss-password-1");
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO objects (object_id, ra, dec, n_detections, created_at, updated_at) VALUES (?, 10.0, 20.0, 0, ?, ?)")) {
            ps.setString(1, XSS_OBJECT);
            ps.setString(2, UtcTime.now());
            ps.setString(3, UtcTime.now());
            ps.executeUpdate();
        }
        new LabelService(db).submit(users.byName("boss").orElseThrow(), LabelSource.WEB,
                List.of(new LabelRequest(XSS_OBJECT, "CV", null, XSS_COMMENT)));
        server = new ApiServer(db).start("127.0.0.1", 0).modelBundle(model);
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

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static void signIn(String name, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/signin?next=/queue"));
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().endsWith("/queue"));
    }

    @Test
    @Order(1)
    void signInOpenTheListAndAnObjectWithItsLightCurveAndCutouts() {
        browser.manage().window().setSize(new Dimension(1366, 768));
        signIn("lab", "lab-password-1");
        assertTrue(browser.findElement(By.cssSelector(".who")).getText().contains("lab"), "signed in");
        List<WebElement> rows = browser.findElements(By.cssSelector("#objects tbody tr"));
        assertEquals(QueuePage.PAGE_SIZE, rows.size(), "a full first page");
        browser.get(url("/queue?label_status=labelled&sort=detections&dir=desc"));
        List<WebElement> labelled = browser.findElements(By.cssSelector("#objects tbody tr td:nth-child(6)"));
        assertFalse(labelled.isEmpty());
        labelled.forEach(td -> assertNotEquals("none", td.getText(), "the filter keeps labelled objects only"));
        browser.findElement(By.cssSelector("#objects tbody tr th a")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/objects/"));

        browser.get(url("/objects/" + OBJECT));
        waiting().until(d -> ((Number) js("return document.querySelectorAll('#lc-plot canvas').length")).intValue() == 1);
        long points = ((Number) js("return JSON.parse(document.getElementById('lc-data').textContent).length")).longValue();
        assertTrue(points > 5, "the light curve has points: " + points);
        assertEquals(points, browser.findElements(By.cssSelector("#lc-table tbody tr")).size(), "the table alternative has every point");
        Object legend = js("return [...document.querySelectorAll('#lc-plot .u-legend .u-series')].map(e => e.textContent).join('|')");
        assertTrue(legend.toString().contains("mag"), "the plot has band series: " + legend);
        assertTrue(legend.toString().contains("limit"), "upper limits are a series of their own (drawn as downward triangles): " + legend);
        boolean colourPairs = (Boolean) js("const r = JSON.parse(document.getElementById('lc-data').textContent);"
                + "return r.some(p => p[1] === 'g' && p[2] !== null && r.some(q => q[1] === 'r' && q[2] !== null && Math.abs(q[0] - p[0]) <= 1))");
        assertTrue(colourPairs, "the sample object has g and r detections less than a day apart");
        waiting().until(d -> ((Number) js("return document.querySelectorAll('#lc-colour canvas').length")).intValue() == 1);
        assertEquals("img", browser.findElement(By.id("lc-colour")).getAttribute("role"), "the colour panel is labelled for screen readers");
        waiting().until(d -> ((Number) js("return [...document.querySelectorAll('#cutouts img')]"
                + ".filter(i => i.complete && i.naturalWidth > 0).length")).intValue() == 3);
        browser.findElement(By.id("contrast")).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertTrue(js("return document.querySelector('#cutouts img').style.filter").toString().contains("contrast(120%)"));
        assertTrue(browser.findElement(By.cssSelector(".centroid svg")).isDisplayed(), "the centroid plot is there");
    }

    @Test
    @Order(2)
    void labelByKeyboardAndSeeItInTheHistoryAfterAReload() {
        browser.manage().window().setSize(new Dimension(1366, 768));
        signIn("lab", "lab-password-1");
        browser.get(url("/objects/" + OBJECT));
        js("window.localStorage.removeItem('" + ADVANCE_KEY + "')");
        browser.navigate().refresh();
        WebElement advance = browser.findElement(By.id("auto-advance"));
        assertTrue(advance.isSelected(), "after labelling, go to the next object: ticked by default");
        advance.click(); // unticked: this test stays on the page to see its label in the history
        int before = browser.findElements(By.cssSelector("#label-history tbody tr")).size();
        browser.findElement(By.tagName("body")).sendKeys("2");
        waiting().until(d -> d.findElement(By.id("label-status")).getText().startsWith("Saved"));
        List<WebElement> added = browser.findElements(By.cssSelector("#label-history tbody tr"));
        assertShownAsPagesShowTimes(added.get(added.size() - 1).findElement(By.tagName("time")));
        browser.navigate().refresh();
        assertFalse(browser.findElement(By.id("auto-advance")).isSelected(), "the choice is remembered in this browser");
        List<WebElement> history = browser.findElements(By.cssSelector("#label-history tbody tr"));
        assertEquals(before + 1, history.size());
        String last = history.get(history.size() - 1).getText();
        assertTrue(last.contains("SN_II") && last.contains("lab") && last.contains("web"), last);
        assertShownAsPagesShowTimes(history.get(history.size() - 1).findElement(By.tagName("time")));
        browser.findElement(By.tagName("body")).sendKeys("n");
        waiting().until(d -> d.getCurrentUrl().contains("/objects/") && !d.getCurrentUrl().endsWith(OBJECT));
    }

    /** The object of the page shown once it has loaded, null while none is (or during navigation). */
    private static String shownObject() {
        return (String) js("const s = document.getElementById('labelling');"
                + "return document.readyState === 'complete' && s ? s.dataset.objectId : null;");
    }

    private static long count(String sql, Object... args) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Issue 16: keyboard only, with "after labelling, go to the next object" on (the default), ten
     * label keys in a row label ten different objects, each stored; the next object is known and
     * prefetched before the key is pressed, and it is where the key leads. Then s and u pass over
     * an object each: recorded as skips, no label, and the queue moves on. The votes and the
     * consensus, and the count of today's labels, are on the page.
     */
    @Test
    @Order(4)
    void keyboardOnlyLabellingOfTenObjectsInARowStoresTenLabels() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 768));
        signIn("lab", "lab-password-1");
        long lab = new UserStore(db).byName("lab").orElseThrow().id();
        browser.get(url("/queue/next"));
        js("window.localStorage.removeItem('" + ADVANCE_KEY + "')");
        browser.navigate().refresh();
        waiting().until(d -> shownObject() != null);
        assertTrue(browser.findElement(By.id("auto-advance")).isSelected(), "on by default");
        long labelsBefore = count("SELECT COUNT(*) FROM labels WHERE user_id = ?", lab);
        long todayBefore = Long.parseLong(browser.findElement(By.id("labels-today")).getAttribute("data-count"));
        List<String> labelled = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String here = shownObject();
            labelled.add(here);
            waiting().until(d -> ((Number) js("return document.querySelectorAll('link[rel=prefetch]').length")).intValue() == 4);
            String prefetched = browser.findElement(By.id("next-object")).getAttribute("data-object-id");
            assertTrue(browser.findElement(By.id("next-object")).getAttribute("href").endsWith("/objects/" + prefetched), "the link leads to it");
            browser.findElement(By.tagName("body")).sendKeys(String.valueOf(1 + i % 3));
            waiting().until(d -> shownObject() != null && !shownObject().equals(here));
            assertEquals(prefetched, shownObject(), "the label key moved on to the prefetched next object");
        }
        assertEquals(10, labelled.stream().distinct().count(), "ten different objects: " + labelled);
        assertEquals(labelsBefore + 10, count("SELECT COUNT(*) FROM labels WHERE user_id = ?", lab), "ten labels stored");
        for (String id : labelled) {
            assertEquals(1, count("SELECT COUNT(*) FROM labels WHERE user_id = ? AND object_id = ? AND source = 'web'", lab, id), id);
        }
        assertEquals(Long.toString(todayBefore + 10), browser.findElement(By.id("labels-today")).getAttribute("data-count"));
        assertTrue(browser.findElement(By.id("labels-today")).getText().startsWith("You: " + (todayBefore + 10) + " labels today"));

        for (String key : List.of("s", "u")) {
            String here = shownObject();
            browser.findElement(By.tagName("body")).sendKeys(key);
            waiting().until(d -> shownObject() != null && !shownObject().equals(here));
            assertEquals(1, count("SELECT COUNT(*) FROM label_skips WHERE user_id = ? AND object_id = ? AND reason = ?", lab, here,
                    key.equals("s") ? "skip" : "unsure"), key + " records a skip");
            assertEquals(0, count("SELECT COUNT(*) FROM labels WHERE object_id = ? AND user_id = ?", here, lab), key + " is no label");
        }
        assertEquals(labelsBefore + 10, count("SELECT COUNT(*) FROM labels WHERE user_id = ?", lab));

        browser.get(url("/objects/" + labelled.get(0)));
        assertTrue(browser.findElement(By.id("consensus")).getText().matches("Consensus: .+ \\(\\d+ labellers?: .+\\)"),
                browser.findElement(By.id("consensus")).getText());
        assertTrue(browser.findElement(By.id("votes")).getText().contains("lab: SN Ia"), browser.findElement(By.id("votes")).getText());
        browser.get(url("/queue?mine=hide&size=500"));
        String list = browser.findElement(By.id("objects")).getText();
        labelled.forEach(id -> assertFalse(list.contains(id), "hidden: " + id));
    }

    /** Issue 16: {@code 2026-12-04 18:26 UTC}, ISO-8601 to the second in {@code datetime} and to the millisecond in the tooltip. */
    private static void assertShownAsPagesShowTimes(WebElement time) {
        String shown = time.getText();
        String datetime = time.getAttribute("datetime");
        String title = time.getAttribute("title");
        assertTrue(shown.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"), shown);
        assertTrue(datetime.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), datetime);
        assertTrue(title.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), title);
        assertEquals(shown, datetime.substring(0, 10) + " " + datetime.substring(11, 16) + " UTC");
        assertTrue(title.startsWith(datetime.substring(0, 19)), title + " and " + datetime);
    }

    @Test
    @Order(3)
    void htmlInAnObjectNameOrACommentIsShownAsText() {
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.get(url("/objects/" + URLEncoder.encode(XSS_OBJECT, StandardCharsets.UTF_8).replace("+", "%20")));
        assertEquals(XSS_OBJECT, browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("label-history")).getText().contains(XSS_COMMENT), "the comment is shown as written");
        assertEquals(Boolean.TRUE, js("return window.__xss === undefined"), "no injected script ran");
        assertEquals(0L, ((Number) js("return document.querySelectorAll('img[src=\"x\"], #label-history b, #label-history script').length")).longValue());
    }

    @Test
    @Order(6)
    void theSkyViewLoadsOrSaysWhyNot() {
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.get(url("/objects/" + OBJECT));
        assertTrue(browser.findElements(By.cssSelector("#nearby tbody tr")).size() >= 1, "the nearby table lists at least the object");
        browser.findElement(By.id("sky-show")).click();
        waiting().until(d -> d.findElement(By.id("sky-status")).getText().startsWith("Sky view")
                || d.findElement(By.id("sky-status")).getText().contains("not available"));
    }

    @Test
    @Order(5)
    void axeFindsNoViolationOnAnyPageAtAnySizeAndNothingScrollsSideways() {
        signIn("boss", "boss-password-1");
        List<String> pages = List.of("/", "/queue", "/objects/" + OBJECT, "/account", "/admin/users", "/model", "/funnel");
        List<String> problems = new ArrayList<>();
        for (Dimension screen : SCREENS) {
            browser.manage().window().setSize(screen);
            for (String page : pages) {
                browser.get(url(page));
                if (page.startsWith("/objects/")) {
                    waiting().until(d -> ((Number) js("return document.querySelectorAll('#lc-plot canvas').length")).intValue() == 1);
                }
                Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
                if (!results.getViolations().isEmpty()) {
                    problems.add(page + " at " + screen + ": " + results.getViolations().stream()
                            .map((Rule r) -> r.getId() + " " + r.getNodes().stream().map(n -> n.getTarget().toString()).limit(3).toList())
                            .collect(Collectors.joining("; ")));
                }
                assertTrue(results.getPasses().size() > 5, page + ": axe ran its rules");
                // model version names (2026-12-04T18:26:46Z-fused-s9) are identifiers, shown as they are
                Object isoInText = js("return (document.body.innerText.match(/\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(?!:\\d\\d(\\.\\d+)?Z-)\\S*/)"
                        + " || [null])[0];");
                if (isoInText != null) {
                    problems.add(page + " at " + screen + ": shows a raw ISO time (" + isoInText + "), not 2026-12-04 18:26 UTC");
                }
                Object fits = js("return document.documentElement.scrollWidth <= window.innerWidth + 1;");
                if (!Boolean.TRUE.equals(fits)) {
                    problems.add(page + " at " + screen + ": scrolls sideways (" + js("return document.documentElement.scrollWidth") + " > "
                            + js("return window.innerWidth") + ")");
                }
            }
        }
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/signin"));
        Results signin = new AxeBuilder().analyze(browser);
        if (!signin.getViolations().isEmpty()) {
            problems.add("/signin: " + signin.getViolations().stream().map(Rule::getId).toList());
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
