package org.ztfclass.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ztfclass.server.learning.Consensus;
import org.ztfclass.server.learning.Vote;
import org.ztfclass.server.store.StoredLabel;
import org.ztfclass.votables.domain.TransientClass;

/**
 * The votes of an object's labellers and their consensus, as text for the label section, e.g.
 * "Consensus: SN Ia (3 labellers: SN Ia 2, SN II 1)" and each labeller's latest class. The
 * majority rule is {@link Consensus}'s (each labeller counted once with their latest label; a tie
 * gives no class); automatic labels are never votes. Labellers are named as the label history
 * names them ({@code ObjectQueries.labels(id, realNames)}: user names for signed-in readers,
 * pseudonyms for anyone else), catalogues by their name. Pure.
 */
final class ConsensusSummary {

    private ConsensusSummary() {
    }

    /** @return the people's and catalogues' votes among {@code labels} (automatic labels left out), in event order */
    static List<Vote> votes(List<StoredLabel> labels) {
        List<Vote> out = new ArrayList<>();
        for (StoredLabel l : labels) {
            if (l.source().equals("auto")) {
                continue;
            }
            String who = l.userName() != null ? l.userName()
                    : l.source().equals("catalogue") ? "catalogue " + (l.sourceRef() == null ? "(unnamed)" : l.sourceRef())
                    : l.source() + " (anonymous)";
            out.add(new Vote(l.id(), l.objectId(), who, TransientClass.valueOf(l.topClass())));
        }
        return out;
    }

    /** @return the HTML (escaped) of the consensus paragraph and, when anyone voted, the list of votes */
    static String html(List<StoredLabel> labels) {
        List<Consensus.Outcome> outcomes = Consensus.of(votes(labels));
        StringBuilder b = new StringBuilder("<p id=\"consensus\">");
        if (outcomes.isEmpty()) {
            return b.append("Consensus: none yet (no labeller has voted).</p>\n").toString();
        }
        Consensus.Outcome o = outcomes.get(0);
        String counts = o.votes().entrySet().stream().sorted(Map.Entry.<TransientClass, Integer>comparingByValue().reversed())
                .map(e -> name(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
        String who = o.labellers() + (o.labellers() == 1 ? " labeller: " : " labellers: ") + counts;
        if (o.tied()) {
            b.append("Consensus: none, tied (").append(Html.e(who)).append(")");
        } else {
            b.append("Consensus: <strong>").append(name(o.label())).append("</strong> (").append(Html.e(who)).append(")");
        }
        b.append("</p>\n<ul id=\"votes\" aria-label=\"Each labeller's latest vote\">");
        o.byLabeller().forEach((labeller, cls) -> b.append("<li>").append(Html.e(labeller)).append(": ").append(name(cls)).append("</li>"));
        return b.append("</ul>\n").toString();
    }

    /** @return SN Ia, SN II or Other */
    static String name(TransientClass c) {
        return switch (c) {
            case SN_IA -> "SN Ia";
            case SN_II -> "SN II";
            case OTHER -> "Other";
        };
    }
}
