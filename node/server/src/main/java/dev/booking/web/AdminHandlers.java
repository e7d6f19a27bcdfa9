package dev.booking.web;

import dev.booking.engine.Intake;
import dev.booking.pipelines.Lag;
import dev.booking.pipelines.QueryViews;
import dev.booking.pipelines.Reconciliation;
import dev.booking.pipelines.ViewJobState;
import io.javalin.http.Context;

import java.util.Map;

/** Operating the query side: reconciliation, repair and rebuild of the views, and metrics. */
final class AdminHandlers {
    private final QueryViews views;
    private final Reconciliation reconciliation;
    private final Intake intake;

    AdminHandlers(QueryViews views, Reconciliation reconciliation, Intake intake) {
        this.views = views;
        this.reconciliation = reconciliation;
        this.intake = intake;
    }

    /** Compares every view with the command side's truth; 200 either way, {@code clean} says which. */
    void reconcile(Context ctx) {
        var report = reconciliation.check();
        Respond.json(ctx, 200, Map.of("clean", report.isClean(), "report", report));
    }

    /**
     * Republishes the truth of every event. With {@code ?thorough=true} it first takes out of the views
     * what the ledger contradicts and republishing cannot mend ({@link Reconciliation#repairThoroughly}).
     */
    void repair(Context ctx) {
        if (thorough(ctx)) {
            Respond.json(ctx, 200, reconciliation.repairThoroughly());
        } else {
            Respond.json(ctx, 200, Map.of("republishedEvents", reconciliation.repair()));
        }
    }

    private static boolean thorough(Context ctx) {
        if (ctx.queryParams("thorough").size() > 1) {
            throw ProblemException.badRequest("invalid_parameter", "query parameter 'thorough' is given more than once", "thorough");
        }
        String thorough = ctx.queryParam("thorough");
        if (thorough == null || thorough.equals("false")) {
            return false;
        }
        if (thorough.equals("true")) {
            return true;
        }
        throw ProblemException.badRequest("invalid_parameter", "query parameter 'thorough' must be true or false", "thorough");
    }

    /** Clears the views and republishes every event's truth (per-minute history is lost). */
    void rebuild(Context ctx) {
        Respond.json(ctx, 200, Map.of("republishedEvents", reconciliation.rebuild()));
    }

    /** Prometheus text format. */
    void metrics(Context ctx) {
        Lag lag = views.lag();
        StringBuilder text = new StringBuilder();
        gauge(text, "booking_view_lag_p50_seconds", "Decision-to-view lag, median, over the recent window", lag.p50Millis() / 1000.0);
        gauge(text, "booking_view_lag_p99_seconds", "Decision-to-view lag, 99th percentile", lag.p99Millis() / 1000.0);
        gauge(text, "booking_view_lag_max_seconds", "Decision-to-view lag, maximum", lag.maxMillis() / 1000.0);
        gauge(text, "booking_view_lag_samples", "Changes measured", lag.count());
        gauge(text, "booking_intake_pending", "Accepted requests not decided yet", intake.size());
        gauge(text, "booking_view_lost_event_marks", "Journal entries seen after lost events",
                views.lostEvents().map(l -> l.occurrences()).orElse(0L));
        ViewJobState viewJob = views.viewJob();
        gauge(text, "booking_view_job_running",
                "1 while the view job runs; at 0 (with booking_view_job_unanswered at 0) the views stand still",
                viewJob == ViewJobState.RUNNING ? 1 : 0);
        gauge(text, "booking_view_job_unanswered", "1 if Jet did not say within "
                + QueryViews.JET_WAIT.toSeconds() + " s whether the view job runs (no answer, a failure, "
                + "or earlier questions still unanswered)",
                viewJob == ViewJobState.UNANSWERED ? 1 : 0);
        gauge(text, "booking_view_repair_owed", "1 from a failed view job's resubmission until its repair is through",
                views.repairOwed() ? 1 : 0);
        gauge(text, "booking_view_layout_differs", "1 if the views hold another layout of buckets than this node's "
                + "build reads (it reads the wrong buckets until POST /admin/views/rebuild)", views.layoutDiffers() ? 1 : 0);
        gauge(text, "booking_view_customer_buckets_rebuilding", "Customer buckets lost with a member and not whole again",
                views.rebuildingLists().map(r -> r.buckets().size()).orElse(0));
        ctx.contentType("text/plain; version=0.0.4").result(text.toString());
    }

    private static void gauge(StringBuilder text, String name, String help, double value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }
}
