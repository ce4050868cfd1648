package org.ztfclass.server.api;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.auth.AccountHttp;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.TokenStore;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.labels.LabelRequest;
import org.ztfclass.server.labels.LabelService;
import org.ztfclass.server.labels.LabelSource;
import org.ztfclass.server.learning.Consensus;
import org.ztfclass.server.learning.LabelLog;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.table.VotableWriter;

/**
 * {@code GET /api/labels} against a real server on a temp store holding the sample's catalogue
 * labels and the labels of two people (alice by the web, bob by SAMP), an automatic label and two
 * labels with hand-set times: every format with filters, CSV read back by Python's csv module,
 * the VOTable checked by STILTS votlint and astropy, pseudonyms for anonymous callers and user
 * names for signed-in ones (token and session), paging by the next link, consensus as training
 * computes it, and a 400 with a message for each bad parameter.
 */
class LabelExportTest {

    @TempDir
    static Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Commas, quotes, a line break and non-ASCII: what CSV quoting must carry. */
    static final String AWKWARD_COMMENT = "broad \"Si II\", fast rise\r\nsecond line, é";
    private static ApiServer server;
    private static AccountHttp http;
    private static Database db;
    private static String aliceToken;
    private static String alicePseudonym;
    private static String bobPseudonym;
    /** Objects without catalogue labels: agreed (alice and bob say SN Ia), tied (SN II against TDE, plus an automatic OTHER). */
    private static String agreed;
    private static String tied;
    private static String third;

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("export.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerts")), IngestProgress.SILENT);
        List<String> unlabelled = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT object_id FROM objects WHERE object_id NOT IN (SELECT object_id FROM labels) ORDER BY object_id LIMIT 3");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                unlabelled.add(rs.getString(1));
            }
        }
        assertEquals(3, unlabelled.size(), "the sample has objects without catalogue labels");
        agreed = unlabelled.get(0);
        tied = unlabelled.get(1);
        third = unlabelled.get(2);
        UserStore users = new UserStore(db);
        User alice = users.create("alice", Role.LABELLER, "alice-password-1");
        User bob = users.create("bob", Role.LABELLER, "bob-password-1");
        LabelService labels = new LabelService(db);
        labels.submit(alice, LabelSource.WEB, List.of(new LabelRequest(agreed, "SN Ia", 0.9, AWKWARD_COMMENT),
                new LabelRequest(tied, "SN II", null, null)));
        labels.submit(bob, LabelSource.SAMP, List.of(new LabelRequest(agreed, "SN Ia", 0.6, "agree"),
                new LabelRequest(tied, "TDE", 0.5, null)));
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO labels (object_id, fine_class, "
                + "top_class, source, source_ref, user_id, confidence, comment, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            // an automatic label: never a vote, so it must not break the tie
            insert(ps, tied, "OTHER", "OTHER", "auto", "v-test", null, "2026-01-01T00:00:00.000Z");
            // a time stored with nanoseconds (as catalogue ingest writes), and one on the whole second
            insert(ps, third, "SN II", "SN_II", "web", "alice", alice.id(), "2025-06-01T12:00:00.123456789Z");
            insert(ps, third, "SN IIP", "SN_II", "web", "bob", bob.id(), "2025-06-01T12:00:01Z");
            alicePseudonym = pseudonym(c, "alice");
            bobPseudonym = pseudonym(c, "bob");
        }
        aliceToken = new TokenStore(db).create(alice, "export test").token();
        server = new ApiServer(db).start("127.0.0.1", 0);
        http = new AccountHttp(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static void insert(PreparedStatement ps, String object, String fine, String top, String source, String ref, Long userId,
                               String createdAt) throws Exception {
        ps.setString(1, object);
        ps.setString(2, fine);
        ps.setString(3, top);
        ps.setString(4, source);
        ps.setString(5, ref);
        if (userId == null) {
            ps.setNull(6, java.sql.Types.INTEGER);
        } else {
            ps.setLong(6, userId);
        }
        ps.setNull(7, java.sql.Types.REAL);
        ps.setNull(8, java.sql.Types.VARCHAR);
        ps.setString(9, createdAt);
        ps.executeUpdate();
    }

    private static String pseudonym(Connection c, String name) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT pseudonym FROM users WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private static HttpResponse<String> get(String query, String... headers) throws Exception {
        return http.get("/api/labels" + query, headers);
    }

    private static JsonNode json(String query, String... headers) throws Exception {
        HttpResponse<String> r = get(query, headers);
        assertEquals(200, r.statusCode(), query + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> column(JsonNode body, String name) {
        List<String> out = new ArrayList<>();
        body.get("rows").forEach(r -> out.add(r.get(name).isNull() ? null : r.get(name).asText()));
        return out;
    }

    /** @return the number of label events in the store that satisfy an SQL condition on {@code labels} */
    private static int count(String where) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM labels WHERE " + where);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void anonymousCallersSeePseudonymsAndSignedInCallersSeeNames() throws Exception {
        JsonNode anonymous = json("?source=web,samp");
        assertEquals("pseudonyms", anonymous.get("labellers").asText());
        assertEquals(count("source IN ('web', 'samp')"), anonymous.get("rows").size());
        assertEquals(Set.of(alicePseudonym, bobPseudonym), new HashSet<>(column(anonymous, "labeller")));
        Map<String, String> asCell = Map.of("json", "\"%s\"", "csv", ",%s,", "votable", "<TD>%s</TD>");
        asCell.forEach((format, cell) -> {
            try {
                String body = get("?source=web,samp&format=" + format).body();
                for (String name : List.of("alice", "bob")) {
                    assertFalse(body.contains(String.format(cell, name)), format + " shows no user name to an anonymous caller: " + body);
                }
                assertTrue(body.contains(String.format(cell, alicePseudonym)), format + " shows the pseudonym: " + body);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        JsonNode withToken = json("?source=web,samp", "Authorization", "Bearer " + aliceToken);
        assertEquals("user names", withToken.get("labellers").asText());
        assertEquals(Set.of("alice", "bob"), new HashSet<>(column(withToken, "labeller")));
        HttpResponse<String> signed = get("?source=web,samp&format=csv", "Cookie", http.signIn("bob", "bob-password-1").cookie());
        assertTrue(signed.body().contains(",alice,") && signed.body().contains(",bob,"), signed.body());
        assertEquals("private, no-store", signed.headers().firstValue("Cache-Control").orElse(""), "names are not cached by proxies");
    }

    @Test
    void theUserFilterMatchesNamesOnlyForSignedInCallers() throws Exception {
        JsonNode mine = json("?user=alice", "Authorization", "Bearer " + aliceToken);
        assertEquals(count("source = 'web' AND user_id = (SELECT id FROM users WHERE name = 'alice')"), mine.get("rows").size());
        assertEquals(Set.of("alice"), new HashSet<>(column(mine, "labeller")));
        assertEquals("alice", mine.get("filters").get("user").asText());

        assertEquals(0, json("?user=alice").get("rows").size(), "an anonymous caller cannot select by user name");
        JsonNode byPseudonym = json("?user=" + bobPseudonym);
        assertEquals(3, byPseudonym.get("rows").size(), "bob's two SAMP labels and one web label");
        assertEquals(Set.of(bobPseudonym), new HashSet<>(column(byPseudonym, "labeller")));
        assertEquals(3, json("?user=" + bobPseudonym, "Authorization", "Bearer " + aliceToken).get("rows").size(),
                "signed in, a pseudonym still selects");
    }

    @Test
    void classSourceAndSinceFilterTheEvents() throws Exception {
        JsonNode top = json("?class=sn_ia");
        assertEquals(count("top_class = 'SN_IA'"), top.get("rows").size());
        assertEquals(Set.of("SN_IA"), new HashSet<>(column(top, "top_class")));
        assertEquals("SN_IA", top.get("filters").get("class").asText());

        JsonNode fine = json("?class=" + enc("tde"));
        assertEquals(count("fine_class = 'TDE'"), fine.get("rows").size());
        assertEquals(Set.of("TDE"), new HashSet<>(column(fine, "fine_class")), "a fine class, matched as the vocabulary does");
        assertEquals(List.of(tied), column(json("?class=TDE&source=samp"), "object_id"));
        assertEquals("TDE", fine.get("filters").get("class").asText());
        JsonNode ia = json("?class=" + enc("SN Ia") + "&source=web");
        assertEquals(List.of(agreed), column(ia, "object_id"));

        JsonNode auto = json("?source=AUTO");
        assertEquals(List.of("v-test"), column(auto, "labeller"), "an automatic label names its model version");
        JsonNode catalogue = json("?source=catalogue&limit=5");
        assertEquals(Set.of("catalogue"), new HashSet<>(column(catalogue, "source")));
        column(catalogue, "labeller").forEach(l -> assertFalse(l == null || l.startsWith("labeller-"), "a catalogue's name: " + l));

        // created_at is stored in several precisions; since compares times, not text
        JsonNode since = json("?user=" + alicePseudonym + "&since=" + enc("2025-06-01T12:00:00.123Z"));
        assertTrue(column(since, "created_at").contains("2025-06-01T12:00:00.123Z"), "12:00:00.123456789 is at or after 12:00:00.123");
        JsonNode later = json("?source=web&since=" + enc("2025-06-01T12:00:00.124Z"));
        assertEquals(count("source = 'web'") - 1, later.get("rows").size());
        assertEquals(count("source = 'web'") - 2, json("?source=web&since=" + enc("2025-06-01 12:00:01.001+00:00")).get("rows").size(),
                "a space for T and an offset are understood");
        assertEquals("2025-06-01T12:00:00.124Z", later.get("filters").get("since").asText());
        assertEquals(count("source = 'web'"), json("?source=web&since=2025-06-01").get("rows").size(), "a date is midnight UTC");
        assertEquals(0, json("?since=2999-01-01T00:00Z").get("rows").size());
        column(json("?source=web"), "created_at").forEach(t -> assertTrue(t.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                "ISO-8601 UTC with milliseconds: " + t));
        assertTrue(column(json("?source=web"), "created_at").contains("2025-06-01T12:00:01.000Z"));
    }

    @Test
    void csvIsRfc4180AndReadsBackAsTheSameRows() throws Exception {
        String query = "?source=web,samp,auto";
        HttpResponse<String> r = get(query + "&format=CSV", "Authorization", "Bearer " + aliceToken);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"ztfclass-labels-\\d{8}T\\d{6}Z\\.csv\""),
                r.headers().firstValue("Content-Disposition").toString());
        assertTrue(r.body().contains("\r\n"), "records end with CRLF");
        Path file = tmp.resolve("labels.csv");
        Files.writeString(file, r.body(), StandardCharsets.UTF_8);
        JsonNode parsed = JSON.readTree(ExternalTools.python(
                "import csv, json, sys\nprint(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))", file.toString()));
        List<String> header = new ArrayList<>();
        parsed.get(0).forEach(h -> header.add(h.asText()));
        assertEquals(List.of("label_id", "object_id", "ra", "dec", "fine_class", "top_class", "source", "labeller", "confidence", "comment",
                "created_at"), header);
        JsonNode rows = json(query, "Authorization", "Bearer " + aliceToken).get("rows");
        assertEquals(rows.size() + 1, parsed.size(), "a header and one record per label");
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < header.size(); c++) {
                JsonNode expected = rows.get(i).get(header.get(c));
                String cell = parsed.get(i + 1).get(c).asText();
                if (expected.isNull()) {
                    assertEquals("", cell, "row " + i + " " + header.get(c));
                } else if (expected.isNumber()) {
                    assertEquals(expected.asDouble(), Double.parseDouble(cell), 1e-12, "row " + i + " " + header.get(c));
                } else {
                    assertEquals(expected.asText(), cell, "row " + i + " " + header.get(c));
                }
            }
        }
        assertTrue(column(json(query), "comment").contains(AWKWARD_COMMENT));
        boolean found = false;
        for (JsonNode rec : parsed) {
            found |= rec.get(9).asText().equals(AWKWARD_COMMENT);
        }
        assertTrue(found, "the comment with quotes, commas and a line break survives CSV");
    }

    @Test
    void votablePassesVotlintAndAstropy() throws Exception {
        HttpResponse<String> r = get("?format=votable&source=web,samp,catalogue");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(VotableWriter.MIME_TYPE));
        Path file = tmp.resolve("labels.vot");
        Files.writeString(file, r.body(), StandardCharsets.UTF_8);
        assertEquals("", ExternalTools.votlint(file).trim(), "votlint finds nothing wrong");
        JsonNode astropy = JSON.readTree(ExternalTools.astropyFields(file, tmp));
        assertEquals(0, astropy.get("warnings").size(), astropy.toString());
        assertEquals("OK", astropy.get("infos").get("QUERY_STATUS").asText());
        assertEquals("pseudonyms", astropy.get("infos").get("labellers").asText());
        assertEquals(count("source IN ('web', 'samp', 'catalogue')"), astropy.get("nrows").asInt());
        Map<String, String> ucds = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        astropy.get("fields").forEach(f -> {
            ucds.put(f.get("name").asText(), f.get("ucd").asText());
            units.put(f.get("name").asText(), f.get("unit").isNull() ? "" : f.get("unit").asText());
        });
        assertEquals("meta.id;meta.main", ucds.get("object_id"));
        assertEquals("pos.eq.ra;meta.main", ucds.get("ra"));
        assertEquals("pos.eq.dec;meta.main", ucds.get("dec"));
        assertEquals("deg", units.get("ra"));
        assertEquals("time.creation", ucds.get("created_at"));
        assertEquals(11, ucds.size());

        HttpResponse<String> consensus = get("?format=votable&consensus=true");
        Path cfile = tmp.resolve("consensus.vot");
        Files.writeString(cfile, consensus.body(), StandardCharsets.UTF_8);
        assertEquals("", ExternalTools.votlint(cfile).trim());
        assertEquals(0, JSON.readTree(ExternalTools.astropyFields(cfile, tmp)).get("warnings").size());
    }

    @Test
    void pagesFollowTheNextLinkWithoutGapsOrRepeats() throws Exception {
        List<String> all = column(json("?limit=100000"), "label_id");
        assertTrue(all.size() > 5);
        List<String> paged = new ArrayList<>();
        String next = "/api/labels?limit=" + (all.size() / 3 + 1);
        int pages = 0;
        while (next != null) {
            HttpResponse<String> r = http.get(next);
            JsonNode body = JSON.readTree(r.body());
            paged.addAll(column(body, "label_id"));
            next = body.get("next").isNull() ? null : body.get("next").asText();
            assertEquals(next == null, r.headers().firstValue("Link").isEmpty(), "a Link header exactly when there is a next page");
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(all, paged);

        HttpResponse<String> csv = get("?format=csv&source=catalogue&limit=1");
        String link = csv.headers().firstValue("Link").orElseThrow();
        assertTrue(link.matches("</api/labels\\?format=csv&source=catalogue&limit=1&after=\\d+>; rel=\"next\""), link);
        assertEquals(2, csv.body().split("\r\n").length, "header and one row");
        assertTrue(get("?format=votable&limit=1").body().contains("<INFO name=\"next\" value=\"/api/labels?format=votable&amp;limit=1&amp;after="));
    }

    @Test
    void consensusIsTheMajorityOfPeopleAndCataloguesAsInTraining() throws Exception {
        JsonNode body = json("?consensus=true&limit=100000");
        Map<String, String> exported = new TreeMap<>();
        body.get("rows").forEach(r -> exported.put(r.get("object_id").asText(), r.get("top_class").asText()));
        Map<String, String> expected = new TreeMap<>();
        for (Consensus.Outcome o : Consensus.of(new LabelLog(db).votes())) {
            if (!o.tied()) {
                expected.put(o.objectId(), o.label().name());
            }
        }
        assertEquals(expected, exported);
        assertEquals("SN_IA", exported.get(agreed));
        assertFalse(exported.containsKey(tied), "SN II against TDE is a tie; the automatic OTHER does not count");
        JsonNode row = null;
        for (JsonNode r : body.get("rows")) {
            if (r.get("object_id").asText().equals(agreed)) {
                row = r;
            }
        }
        assertNotNull(row);
        assertEquals(2, row.get("labellers").asInt());
        assertEquals(2, row.get("votes_sn_ia").asInt());
        assertNotNull(row.get("ra").asText());

        JsonNode others = json("?consensus=true&class=OTHER&limit=100000");
        assertEquals(expected.values().stream().filter("OTHER"::equals).count(), others.get("rows").size());
        List<String> paged = new ArrayList<>();
        String next = "/api/labels?consensus=true&limit=" + (expected.size() / 2 + 1);
        while (next != null) {
            JsonNode page = JSON.readTree(http.get(next).body());
            paged.addAll(column(page, "object_id"));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        assertEquals(new ArrayList<>(expected.keySet()), paged);
        String csv = get("?consensus=true&format=csv&limit=1").body();
        assertTrue(csv.startsWith("object_id,ra,dec,top_class,labellers,votes_sn_ia,votes_sn_ii,votes_other,last_label_at\r\n"), csv);
    }

    @Test
    void badParametersAre400WithAMessage() throws Exception {
        Map<String, String> bad = new TreeMap<>(Map.ofEntries(
                Map.entry("?format=xlsx", "format"),
                Map.entry("?class=Banana", "class"),
                Map.entry("?source=email", "source"),
                Map.entry("?since=yesterday", "since"),
                Map.entry("?since=2026-13-01", "since"),
                Map.entry("?consensus=maybe", "consensus"),
                Map.entry("?limit=0", "limit"),
                Map.entry("?limit=100001", "limit"),
                Map.entry("?after=-1", "after"),
                Map.entry("?after=x", "after"),
                Map.entry("?clas=SN_IA", "clas"),
                Map.entry("?class=SN_IA&class=OTHER", "class"),
                Map.entry("?consensus=true&user=alice", "user"),
                Map.entry("?consensus=true&source=web", "source"),
                Map.entry("?consensus=true&class=TDE", "class")));
        for (Map.Entry<String, String> e : bad.entrySet()) {
            HttpResponse<String> r = get(e.getKey());
            assertEquals(400, r.statusCode(), e.getKey() + ": " + r.body());
            String message = JSON.readTree(r.body()).get("error").asText();
            assertTrue(message.contains(e.getValue()), e.getKey() + " names the parameter: " + message);
        }
        HttpResponse<String> votable = get("?format=votable&class=Banana");
        assertEquals(400, votable.statusCode());
        assertTrue(votable.body().contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">parameter class"), votable.body());
    }

    @Test
    void queueAndLearningPagesLinkToTheExports() throws Exception {
        for (String page : List.of("/queue", "/learning")) {
            HttpResponse<String> html = http.get(page);
            assertEquals(200, html.statusCode(), page);
            java.util.regex.Matcher p = java.util.regex.Pattern.compile("<p id=\"label-export\">(.*?)</p>").matcher(html.body());
            assertTrue(p.find(), page + " has the export links");
            assertTrue(p.group(1).startsWith("Export labels (<a"), p.group(1));
            java.util.regex.Matcher a = java.util.regex.Pattern.compile("href=\"([^\"]+)\"").matcher(p.group(1));
            int links = 0;
            while (a.find()) {
                HttpResponse<String> r = http.get(a.group(1).replace("&amp;", "&"));
                assertEquals(200, r.statusCode(), a.group(1) + ": " + r.body());
                assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), a.group(1));
                links++;
            }
            assertEquals(4, links, "CSV and VOTable, of events and of consensus");
        }
    }

    @Test
    void postingLabelsStillWorksOnTheSamePath() throws Exception {
        HttpResponse<String> r = http.postJson("/api/labels", "{\"source\":\"web\",\"labels\":[{\"objectId\":\"" + third
                + "\",\"class\":\"SN Ic\"}]}", "Authorization", "Bearer " + aliceToken);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, JSON.readTree(r.body()).get("accepted").asInt());
        assertEquals(401, http.postJson("/api/labels", "{\"labels\":[]}").statusCode());
    }
}
