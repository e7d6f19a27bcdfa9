package dev.booking.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.booking.engine.BoxOffice;
import dev.booking.engine.Intake;
import dev.booking.node.BookingNode;
import dev.booking.pipelines.QueryViews;
import dev.booking.pipelines.Reconciliation;
import dev.booking.pipelines.ViewJobs;
import dev.booking.testing.BookingCluster;
import io.javalin.Javalin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A started REST API on a one-member test cluster, and a plain HTTP client to talk to it. */
final class ApiFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final BookingCluster cluster = BookingCluster.of(1, BookingNode::prepare);
    final BoxOffice boxOffice = new BoxOffice(cluster.member(0));
    final Intake intake = new Intake(cluster.member(0));
    final ClusterHealth health = new ClusterHealth(cluster.member(0));
    final QueryViews views = new QueryViews(cluster.member(0));
    final Javalin app;

    ApiFixture() {
        ViewJobs.start(cluster.member(0));
        app = BookingApi.create(new BookingApi.Backend(boxOffice, intake, views,
                new Reconciliation(cluster.member(0), boxOffice), health)).start("127.0.0.1", 0);
    }
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Reply send(String method, String path, String body) {
        return send(method, path, body, null);
    }

    Reply send(String method, String path, String body, String prefer) {
        return sendWithHeader(method, path, body, prefer == null ? null : "Prefer", prefer);
    }

    /** A request with one more header ({@code name} null: none). */
    Reply sendWithHeader(String method, String path, String body, String name, String value) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, publisher).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30));
        if (name != null) {
            builder.header(name, value);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").isPresent());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    /** The query side is eventually consistent: GET until the answer satisfies the condition. */
    Reply eventually(String path, java.util.function.Predicate<Reply> condition) {
        Reply[] last = new Reply[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> condition.test(last[0] = get(path)));
        return last[0];
    }

    Reply put(String path, String body) {
        return send("PUT", path, body);
    }

    Reply post(String path, String body) {
        return send("POST", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    Reply defineConcert(int floor) {
        return put("/events/concert", """
                {"name":"Concert","startsAt":"2026-12-31T20:00:00Z",
                 "categories":[{"id":"floor","capacity":%d},{"id":"balcony","capacity":10}]}""".formatted(floor));
    }

    Reply reserve(String id, String category, int quantity) {
        return post("/events/concert/reservations", """
                {"reservationId":"%s","category":"%s","customerId":"alice","quantity":%d}"""
                .formatted(id, category, quantity));
    }

    /** Confirmed seats as the command side holds them (the truth, not a view). */
    int confirmed(String category) {
        return boxOffice.availability(dev.booking.domain.EventId.of("concert")).join().orElseThrow().categories()
                .stream().filter(c -> c.id().value().equals(category)).findFirst().orElseThrow().confirmed();
    }

    @Override
    public void close() {
        app.stop();
        cluster.close();
    }

    record Reply(int status, String body, String contentType, String location, boolean replayed) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String text(String field) {
            JsonNode node = json().get(field);
            return node == null ? null : node.asText();
        }
    }
}
