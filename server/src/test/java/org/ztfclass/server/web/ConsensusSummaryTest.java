package org.ztfclass.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztfclass.server.store.StoredLabel;

/** The votes and consensus line of the label section (issue 16), from label events as the history shows them. */
class ConsensusSummaryTest {

    private static long id;

    private static StoredLabel label(String top, String source, String who) {
        String user = source.equals("catalogue") || source.equals("auto") ? null : who;
        return new StoredLabel(++id, "ZTF20aaelulu", top, top, source, who, user, null, null, "2026-12-04T18:26:46.055Z");
    }

    @Test
    void majorityOfEachLabellersLatestVoteWithCountsAndNames() {
        String html = ConsensusSummary.html(List.of(label("SN_II", "web", "alice"), label("SN_IA", "web", "alice"),
                label("SN_IA", "samp", "bob"), label("SN_II", "web", "labeller-0123456789ab"), label("OTHER", "auto", "model-v1")));
        assertTrue(html.contains("Consensus: <strong>SN Ia</strong> (3 labellers: SN Ia 2, SN II 1)"), html);
        assertTrue(html.contains("<li>alice: SN Ia</li><li>bob: SN Ia</li><li>labeller-0123456789ab: SN II</li>"), html);
        assertFalse(html.contains("model-v1"), "an automatic label is never a vote: " + html);
    }

    @Test
    void aTieGivesNoClassAndCataloguesVote() {
        String html = ConsensusSummary.html(List.of(label("SN_IA", "catalogue", "BTS"), label("SN_II", "web", "alice")));
        assertTrue(html.contains("Consensus: none, tied (2 labellers: "), html);
        assertTrue(html.contains("<li>catalogue BTS: SN Ia</li>"), html);
    }

    @Test
    void namesAreEscapedAndNoVotesSaySo() {
        assertTrue(ConsensusSummary.html(List.of(label("OTHER", "web", "<b>x</b>"))).contains("<li>&lt;b&gt;x&lt;/b&gt;: Other</li>"));
        assertEquals("<p id=\"consensus\">Consensus: none yet (no labeller has voted).</p>\n",
                ConsensusSummary.html(List.of(label("OTHER", "auto", "model-v1"))));
    }
}
