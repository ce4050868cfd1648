package org.ztfclass.server.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;
import org.ztfclass.server.store.StreamStore;
import org.ztfclass.server.store.StreamStore.DeadLetter;
import org.ztfclass.server.store.StreamStore.PartitionStatus;

/**
 * {@code /stream}: the live alert stream as {@code GET /api/stream} reports it, for people: per consumer
 * group, topic and partition the lag, alerts/s over the last minute, the next offset to read (the last
 * committed) and the last error, each as recorded after the consumer's latest batch (with when); then
 * the number of dead letters and the {@value #LATEST} latest (topic, partition, offset, key, size,
 * alerts kept, reason, when). Plain HTML in the site layout, tables with captions and header cells;
 * says plainly when no stream has run on this store. Thread-safe.
 */
public final class StreamPage {

    /** Dead letters listed on the page (all are in the store's stream_dead_letters table). */
    static final int LATEST = 20;

    private final StreamStore store;

    public StreamPage(StreamStore store) {
        this.store = store;
    }

    public void show(Context ctx) throws SQLException {
        Layout.send(ctx, "Live alert stream", render(store.status(), store.deadLetterCount(), store.latestDeadLetters(LATEST)));
    }

    /** @return the content of {@code <main>} */
    static String render(List<PartitionStatus> partitions, long deadLetters, List<DeadLetter> latest) {
        StringBuilder b = new StringBuilder();
        if (partitions.isEmpty()) {
            b.append("<p>No stream consumer has run on this store yet. Start one with ")
                    .append("<code>install/ztfclass stream --bootstrap HOST:PORT --topic TOPIC</code>; this page then shows ")
                    .append("where it stands after each batch.</p>\n");
        } else {
            b.append("<p>As each consumer recorded it after its latest batch. The same in JSON: ")
                    .append("<a href=\"/api/stream\">/api/stream</a>.</p>\n")
                    .append("<div class=\"scroll\" role=\"region\" aria-labelledby=\"partitions-caption\" tabindex=\"0\"><table>\n")
                    .append("<caption id=\"partitions-caption\">Partitions: lag, rate and committed offset per consumer group</caption>\n")
                    .append("<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Topic</th><th scope=\"col\">Partition</th>")
                    .append("<th scope=\"col\">Lag (messages)</th><th scope=\"col\">Alerts/s, last minute</th>")
                    .append("<th scope=\"col\">Next offset (committed)</th><th scope=\"col\">Last error</th>")
                    .append("<th scope=\"col\">Recorded</th></tr></thead>\n<tbody>\n");
            for (PartitionStatus p : partitions) {
                b.append("<tr><td>").append(Html.e(p.group())).append("</td><td>").append(Html.e(p.topic()))
                        .append("</td><th scope=\"row\">").append(p.partition())
                        .append("</th><td class=\"n\">").append(p.lag() == null ? "unknown" : String.format("%,d", p.lag()))
                        .append("</td><td class=\"n\">").append(String.format("%,.1f", p.alertsLastMinute() / 60.0))
                        .append("</td><td class=\"n\">").append(String.format("%,d", p.committedOffset()))
                        .append("</td><td>").append(p.lastError() == null ? "none"
                                : Html.e(p.lastError()) + " (" + HtmlTime.of(p.lastErrorAt()) + ")")
                        .append("</td><td>").append(HtmlTime.of(p.updatedAt())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table></div>\n");
        }
        b.append("<h2>Dead letters</h2>\n<p>").append(String.format("%,d", deadLetters))
                .append(deadLetters == 1 ? " message" : " messages")
                .append(" could not be wholly turned into alerts and are kept in the store's <code>stream_dead_letters</code> table")
                .append(deadLetters > latest.size() ? "; the " + latest.size() + " latest:" : deadLetters > 0 ? ":" : ".").append("</p>\n");
        if (!latest.isEmpty()) {
            b.append("<div class=\"scroll\" role=\"region\" aria-labelledby=\"dead-caption\" tabindex=\"0\"><table>\n")
                    .append("<caption id=\"dead-caption\">Latest dead letters, newest first</caption>\n")
                    .append("<thead><tr><th scope=\"col\">Topic</th><th scope=\"col\">Partition</th><th scope=\"col\">Offset</th>")
                    .append("<th scope=\"col\">Key</th><th scope=\"col\">Bytes</th><th scope=\"col\">Alerts kept</th>")
                    .append("<th scope=\"col\">Reason</th><th scope=\"col\">Received</th></tr></thead>\n<tbody>\n");
            for (DeadLetter d : latest) {
                b.append("<tr><td>").append(Html.e(d.topic())).append("</td><td class=\"n\">").append(d.partition())
                        .append("</td><th scope=\"row\" class=\"n\">").append(d.offset())
                        .append("</th><td>").append(d.key() == null ? "none" : Html.e(d.key()))
                        .append("</td><td class=\"n\">").append(String.format("%,d", d.bytesLength()))
                        .append("</td><td class=\"n\">").append(d.alertsKept())
                        .append("</td><td>").append(Html.e(d.reason()))
                        .append("</td><td>").append(HtmlTime.of(d.receivedAt())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table></div>\n");
        }
        return b.toString();
    }
}
