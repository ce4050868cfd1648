package org.ztfclass.server.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ztfclass.votables.domain.TransientClass.OTHER;
import static org.ztfclass.votables.domain.TransientClass.SN_IA;
import static org.ztfclass.votables.domain.TransientClass.SN_II;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.domain.TransientClass;

/** Consensus by majority of labellers' latest labels, ties flagged; Cohen's and Fleiss' kappa against worked examples. */
class ConsensusAgreementTest {

    private long id;

    private Vote v(String object, String who, TransientClass c) {
        return new Vote(++id, object, who, c);
    }

    @Test
    void majorityOfLatestLabelPerLabellerAndTiesFlagged() {
        List<Vote> votes = List.of(
                v("ZTF1", "user:1", SN_II), v("ZTF1", "user:2", SN_IA), v("ZTF1", "user:3", SN_IA),
                v("ZTF1", "user:2", SN_II), // user 2 changes their mind: now 2 x SN_II vs 1 x SN_IA
                v("ZTF2", "user:1", SN_IA), v("ZTF2", "user:2", OTHER), // tie
                v("ZTF3", "user:1", OTHER), v("ZTF3", "user:1", OTHER), v("ZTF3", "user:1", SN_IA)); // one labeller, latest counts
        List<Consensus.Outcome> out = Consensus.of(votes);
        assertEquals(3, out.size());
        assertEquals(SN_II, out.get(0).label());
        assertEquals(3, out.get(0).labellers());
        assertTrue(out.get(1).tied());
        assertNull(out.get(1).label());
        assertEquals(SN_IA, out.get(2).label());
        assertEquals(1, out.get(2).labellers());
        assertFalse(out.get(2).tied());
    }

    @Test
    void cohensKappaOfTheTextbookExample() {
        // Wikipedia "Cohen's kappa": 50 items, both yes 20, A yes B no 5, A no B yes 10, both no 15 -> kappa 0.4
        List<TransientClass> a = new ArrayList<>();
        List<TransientClass> b = new ArrayList<>();
        add(a, b, SN_IA, SN_IA, 20);
        add(a, b, SN_IA, OTHER, 5);
        add(a, b, OTHER, SN_IA, 10);
        add(a, b, OTHER, OTHER, 15);
        Agreement.Pair p = Agreement.cohen("A", "B", a, b);
        assertEquals(0.7, p.observed(), 1e-12);
        assertEquals(0.4, p.kappa(), 1e-12);
    }

    private static void add(List<TransientClass> a, List<TransientClass> b, TransientClass x, TransientClass y, int n) {
        for (int i = 0; i < n; i++) {
            a.add(x);
            b.add(y);
        }
    }

    @Test
    void fleissKappaOfAWorkedExample() {
        // 4 objects x 3 raters; counts (IA, II, OTHER): (3,0,0) (2,1,0) (0,3,0) (1,1,1)
        // P_i = 1, 1/3, 1, 0 -> P = 7/12; p_j = 6/12, 5/12, 1/12 -> Pe = 62/144; kappa = (7/12 - 62/144) / (1 - 62/144) = 22/82
        List<Vote> votes = new ArrayList<>();
        String[][] rows = {{"SN_IA", "SN_IA", "SN_IA"}, {"SN_IA", "SN_IA", "SN_II"}, {"SN_II", "SN_II", "SN_II"}, {"SN_IA", "SN_II", "OTHER"}};
        for (int o = 0; o < rows.length; o++) {
            for (int r = 0; r < 3; r++) {
                votes.add(v("ZTF" + o, "user:" + r, TransientClass.valueOf(rows[o][r])));
            }
        }
        votes.add(v("ZTF9", "user:0", OTHER)); // a single labeller: not part of agreement
        Agreement.Report rep = Agreement.of(Consensus.of(votes));
        assertEquals(4, rep.objects());
        assertEquals(22.0 / 82.0, rep.fleissKappa(), 1e-12);
        // per class: kappa_j = 1 - sum n_ij (n - n_ij) / (N n (n-1) p_j q_j); SN_IA: sum = 0 + 2 + 0 + 2 = 4, N n(n-1) = 24, p q = 1/4
        assertEquals(1 - 4.0 / (24 * 0.25), rep.perClass().get(SN_IA), 1e-12);
        assertEquals(3, rep.pairs().size(), "three labellers, three pairs");
        // users 0 and 1 agree on objects 0, 1, 2 and differ on 3
        Agreement.Pair p01 = rep.pairs().get(0);
        assertEquals("user:0", p01.a());
        assertEquals("user:1", p01.b());
        assertEquals(0.75, p01.observed(), 1e-12);
    }

    @Test
    void agreementIsUndefinedWithoutTwoLabellers() {
        Agreement.Report rep = Agreement.of(Consensus.of(List.of(v("ZTF1", "user:1", SN_IA))));
        assertEquals(0, rep.objects());
        assertTrue(Double.isNaN(rep.fleissKappa()));
        assertTrue(rep.pairs().isEmpty());
    }
}
