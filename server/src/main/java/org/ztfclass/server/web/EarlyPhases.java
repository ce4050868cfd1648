package org.ztfclass.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well the serving model classifies young transients, read from its manifest: the
 * early-classification metrics ({@code metrics["early: served (…), first N d (…)"].macro_auc},
 * written by the model's evaluation) as (days after first detection, macro AUC) pairs, in phase
 * order. The light curve marks these phases. Empty when the manifest has none or cannot be read.
 */
final class EarlyPhases {

    /** One phase: the model saw the first {@code days} days of light curve and reached {@code macroAuc}. */
    record Phase(int days, double macroAuc) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("^early: served .*first (\\d+) d");

    private EarlyPhases() {
    }

    static List<Phase> of(String manifestJson) {
        List<Phase> out = new ArrayList<>();
        if (manifestJson == null) {
            return out;
        }
        try {
            JsonNode metrics = JSON.readTree(manifestJson).path("metrics");
            for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Matcher m = KEY.matcher(e.getKey());
                if (m.find() && e.getValue().path("macro_auc").isNumber()) {
                    out.add(new Phase(Integer.parseInt(m.group(1)), e.getValue().get("macro_auc").asDouble()));
                }
            }
        } catch (java.io.IOException e) {
            return List.of();
        }
        out.sort(Comparator.comparingInt(Phase::days));
        return out;
    }
}
