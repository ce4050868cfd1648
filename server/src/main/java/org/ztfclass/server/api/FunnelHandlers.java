package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.server.funnel.FunnelReport;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.web.FunnelPage;
import org.ztfclass.votables.table.RecordTable;
import org.ztfclass.votables.table.TableColumn;
import org.ztfclass.votables.table.VotableWriter;

/** {@code /api/funnel} (the latest run's report as JSON or VOTable) and the {@code /funnel} page. */
final class FunnelHandlers {

    static final List<TableColumn<FunnelStore.StageCount>> COLUMNS = List.of(
            TableColumn.of("position", Integer.class, "", "meta.number", "Order of the stage in the funnel", FunnelStore.StageCount::position),
            TableColumn.of("stage", String.class, "", "meta.id", "Stage name (as in dropped_by=)", FunnelStore.StageCount::stage),
            TableColumn.of("settings", String.class, "", "meta.note", "The stage's thresholds in this run", FunnelStore.StageCount::settings),
            TableColumn.of("objects_in", Long.class, "count", "meta.number", "Objects that reached the stage", FunnelStore.StageCount::in),
            TableColumn.of("dropped", Long.class, "count", "meta.number", "Objects the stage dropped", FunnelStore.StageCount::dropped),
            TableColumn.of("objects_out", Long.class, "count", "meta.number", "Objects that passed the stage", FunnelStore.StageCount::out),
            TableColumn.of("main_reason", String.class, "", "meta.note", "The rule that dropped most objects (how many)", FunnelStore.StageCount::mainReason));

    private final FunnelRunner funnel;

    FunnelHandlers(FunnelRunner funnel) {
        this.funnel = funnel;
    }

    void report(Context ctx) throws SQLException, IOException {
        ResponseFormat format = ResponseFormat.of(ctx, ResponseFormat.JSON);
        FunnelReport report = funnel.latestReport().orElseThrow(() -> new ApiException(404,
                "the funnel has not run on this store yet: run 'install/ztfclass funnel'"));
        FunnelStore.Run run = report.run();
        if (format == ResponseFormat.VOTABLE) {
            Map<String, String> infos = new LinkedHashMap<>();
            infos.put("run_id", Long.toString(run.id()));
            infos.put("started_at", run.startedAt());
            infos.put("objects_in", Long.toString(run.in()));
            infos.put("rescued", Long.toString(run.rescued()));
            infos.put("objects_out", Long.toString(run.out()));
            ctx.contentType(VotableWriter.MIME_TYPE);
            VotableWriter.write(new RecordTable<>("ztfclass_funnel", report.stages(), COLUMNS), ctx.outputStream(), infos);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", run.id());
        body.put("started_at", run.startedAt());
        body.put("seconds", run.seconds());
        body.put("objects_in", run.in());
        body.put("rescued", run.rescued());
        body.put("objects_out", run.out());
        body.put("columns", TableJson.columns(COLUMNS));
        body.put("stages", TableJson.rows(report.stages(), COLUMNS));
        body.put("previous_stages", TableJson.rows(report.previous(), COLUMNS));
        body.put("difference_from_previous", report.difference());
        body.put("config", run.config());
        ctx.json(body);
    }

    void page(Context ctx) throws SQLException {
        org.ztfclass.server.web.Layout.send(ctx, FunnelPage.TITLE, FunnelPage.render(funnel.latestReport().orElse(null)));
    }
}
