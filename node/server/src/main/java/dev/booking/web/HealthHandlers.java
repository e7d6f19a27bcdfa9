package dev.booking.web;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /health} for people, {@code /health/live} and {@code /health/ready} for probes. */
final class HealthHandlers {
    private final ClusterHealth health;

    HealthHandlers(ClusterHealth health) {
        this.health = health;
    }

    void summary(Context ctx) {
        boolean running = health.running();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", running ? "UP" : "DOWN");
        body.put("members", health.members());
        body.put("clusterSafe", health.clusterSafe());
        body.put("ready", health.ready());
        Respond.json(ctx, running ? 200 : 503, body);
    }

    void live(Context ctx) {
        Respond.json(ctx, 200, Map.of("status", "UP"));
    }

    void ready(Context ctx) {
        if (health.ready()) {
            Respond.json(ctx, 200, Map.of("status", "READY", "members", health.members()));
            return;
        }
        String reason = health.draining() ? "draining for shutdown"
                : !health.running() ? "member is not running" : "cluster is not safe: partitions are migrating or lack backups";
        Respond.json(ctx, 503, Map.of("status", "NOT_READY", "reason", reason));
    }
}
