package dev.booking.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed and hostile input: always a 4xx problem naming what is wrong, never a 500, never a change. */
class BadInputTest {
    private ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture();
        api.defineConcert(5);
    }

    @AfterEach
    void stop() {
        assertThat(api.confirmed("floor")).as("bad input changed nothing").isZero();
        assertThat(api.boxOffice.eventIds()).hasSize(1);
        api.close();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "{", "not json", "[]", "null", "42", "\"text\"", "{}{}",
            "{\"reservationId\":\"r1\",\"reservationId\":\"r2\",\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":1}"})
    void a_body_that_is_not_one_json_object_answers_400(String body) {
        var reply = api.post("/events/concert/reservations", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("error")).isIn("malformed_json", "missing_field");
        assertThat(reply.text("detail")).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing_field|reservationId|{\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":1}",
            "missing_field|quantity|{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":\"a\"}",
            "missing_field|customerId|{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":null,\"quantity\":1}",
            "invalid_field|quantity|{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":\"2\"}",
            "invalid_field|quantity|{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":1.5}",
            "invalid_field|reservationId|{\"reservationId\":7,\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":1}",
            "invalid_field|category|{\"reservationId\":\"r1\",\"category\":[\"floor\"],\"customerId\":\"a\",\"quantity\":1}",
            "unknown_field|quantiy|{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":\"a\",\"quantiy\":1}",
            "invalid_id|reservationId|{\"reservationId\":\"has space\",\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":1}",
            "invalid_id|reservationId|{\"reservationId\":\"<script>\",\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":1}",
            "invalid_id|customerId|{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":\"'; DROP TABLE x; --\",\"quantity\":1}",
            "invalid_id|category|{\"reservationId\":\"r1\",\"category\":\"\",\"customerId\":\"a\",\"quantity\":1}",
            "invalid_field|quantity|{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":99999999999999}",
            "invalid_field|customerId|{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":true,\"quantity\":1}",
            "malformed_json|quantity|{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":Infinity}",
    })
    void a_missing_mistyped_or_invalid_field_answers_400_naming_it(String error, String field, String body) {
        var reply = api.post("/events/concert/reservations", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.text("error")).isEqualTo(error);
        if (field != null) {
            assertThat(reply.text("field")).isEqualTo(field);
            assertThat(reply.text("detail")).contains(field);
        }
    }

    @Test
    void a_number_too_long_to_read_answers_400_naming_its_field() {
        var quantity = api.post("/events/concert/reservations",
                "{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":1" + "0".repeat(1_200) + "}");
        var capacity = api.put("/events/e5", "{\"name\":\"E\",\"categories\":[{\"id\":\"a\",\"capacity\":Infinity}]}");

        assertThat(quantity.status()).isEqualTo(400);
        assertThat(quantity.text("error")).isEqualTo("malformed_json");
        assertThat(quantity.text("field")).isEqualTo("quantity");
        assertThat(capacity.status()).isEqualTo(400);
        assertThat(capacity.text("field")).isEqualTo("categories[0].capacity");
    }

    @Test
    void a_stray_token_after_a_field_does_not_blame_that_field() {
        var stray = api.post("/events/concert/reservations", "{\"reservationId\":\"r1\", x}");
        var trailingComma = api.post("/events/concert/reservations",
                "{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":1,}");

        assertThat(stray.text("error")).isEqualTo("malformed_json");
        assertThat(stray.text("field")).isNull();
        assertThat(trailingComma.text("error")).isEqualTo("malformed_json");
        assertThat(trailingComma.text("field")).isNull();
    }

    @Test
    void a_reservation_id_longer_than_64_characters_answers_400() {
        var reply = api.reserve("r".repeat(65), "floor", 1);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("field")).isEqualTo("reservationId");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET,/events/bad%20id", "GET,/events/%3Cx%3E/reservations/r1", "DELETE,/events/concert/reservations/a%20b",
            "POST,/events/" + "x" + "%C3%A9/reservations"})
    void an_invalid_id_in_the_path_answers_400(String method, String path) {
        var reply = api.send(method, path, "{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":1}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.text("error")).isEqualTo("invalid_id");
    }

    @Test
    void an_event_definition_with_bad_categories_answers_400_naming_the_field() {
        var negative = api.put("/events/e2", "{\"name\":\"E\",\"categories\":[{\"id\":\"a\",\"capacity\":-1}]}");
        var none = api.put("/events/e2", "{\"name\":\"E\",\"categories\":[]}");
        var twice = api.put("/events/e2", "{\"name\":\"E\",\"categories\":[{\"id\":\"a\",\"capacity\":1},{\"id\":\"a\",\"capacity\":2}]}");
        var noName = api.put("/events/e2", "{\"categories\":[{\"id\":\"a\",\"capacity\":1}]}");
        var badDate = api.put("/events/e2", "{\"name\":\"E\",\"startsAt\":\"tomorrow\",\"categories\":[{\"id\":\"a\",\"capacity\":1}]}");

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.text("field")).isEqualTo("categories[].capacity");
        assertThat(none.status()).isEqualTo(400);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.text("detail")).contains("twice");
        assertThat(noName.text("field")).isEqualTo("name");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text("field")).isEqualTo("startsAt");
        assertThat(api.boxOffice.availability(dev.booking.domain.EventId.of("e2")).join()).isEmpty();
    }

    /** A client that sends the whole body reads the 413, not a connection reset under its writing. */
    @Test
    void an_oversized_body_answers_413() {
        for (int i = 0; i < 30; i++) {
            var reply = api.post("/events/concert/reservations", "{\"reservationId\":\"" + "x".repeat(100_000) + "\"}");

            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.text("error")).isEqualTo("body_too_large");
        }
    }

    @Test
    void an_unknown_route_answers_404_and_a_wrong_method_405() {
        var noRoute = api.get("/tickets");
        var wrongMethod = api.send("PATCH", "/events/concert", "{}");

        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.text("error")).isEqualTo("route_not_found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.text("error")).isEqualTo("method_not_allowed");
    }

    /** Requests Jetty cannot even parse are answered by Jetty, as problem details in JSON too. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "GET /events HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
            "GET /ev%zzents HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /events/concert/reservations HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "GET HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /events\r\n\r\n"})
    void a_request_that_is_not_http_answers_400_in_json(String raw) throws Exception {
        assertProblem(raw(raw), 400, "malformed_request");
    }

    /** Every method gets its problem as JSON, not only GET, POST and HEAD (Jetty's own pages). */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"PUT /events/%FF", "DELETE /events/concert/reservations/%C0%AF", "PATCH /events/%ED%A0%80",
            "OPTIONS /events/%FF"})
    void a_path_jetty_cannot_decode_answers_400_in_json_whatever_the_method(String request) throws Exception {
        assertProblem(raw(request + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"),
                400, "malformed_request");
    }

    @Test
    void a_malformed_chunked_body_answers_400_not_unavailable() throws Exception {
        String reply = raw("POST /events/concert/reservations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 400");
        assertThat(reply).containsIgnoringCase("application/problem+json");
        assertThat(api.confirmed("floor")).isZero();
    }

    @Test
    void a_body_cut_short_by_the_client_is_answered_as_malformed_and_changes_nothing() throws Exception {
        String reply = raw(HALF_A_BODY, true, 20_000);

        assertThat(reply).startsWith("HTTP/1.1 400");
        assertThat(reply).contains("\"error\":\"malformed_request\"");
    }

    @Test
    void a_body_that_stops_arriving_is_answered_408_in_json_when_the_connection_times_out() throws Exception {
        for (var connector : api.app.jettyServer().server().getConnectors()) {
            ((org.eclipse.jetty.server.AbstractConnector) connector).setIdleTimeout(1_000);
        }
        String reply = raw(HALF_A_BODY, false, 10_000);

        assertProblem(reply, 408, "request_timeout");
    }

    /** Refused at once, without waiting for a body the client may never send: no 100-continue needed. */
    @Test
    void a_body_declared_far_too_large_is_refused_before_it_arrives() throws Exception {
        String reply = raw("POST /events/concert/reservations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (BookingApi.MAX_BODY_BYTES_READ_TO_REFUSE + 1) + "\r\nConnection: close\r\n\r\n");

        assertProblem(reply, 413, "body_too_large");
    }

    @Test
    void a_body_declared_too_large_is_refused_before_it_is_sent() throws Exception {
        String reply = raw("POST /events/concert/reservations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 10000000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");

        assertProblem(reply, 413, "body_too_large");
        assertThat(reply).doesNotContain("100 Continue");
    }

    @Test
    void an_http_version_the_server_does_not_speak_is_named_not_called_an_internal_error() throws Exception {
        assertProblem(raw("GET /events HTTP/9.9\r\nHost: x\r\n\r\n"), 505, "http_version_not_supported");
    }

    @ParameterizedTest(name = "[{index}] startsAt {0}")
    @ValueSource(strings = {"1e300", "0", "1700000000", "\"2027-01-15 20:00\"", "\"2027-01-15T20:00:00\""})
    void a_start_that_is_not_a_date_and_time_with_its_offset_answers_400(String startsAt) {
        var reply = api.put("/events/e3", "{\"name\":\"E\",\"startsAt\":" + startsAt + ",\"categories\":[{\"id\":\"a\",\"capacity\":1}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("field")).isEqualTo("startsAt");
        assertThat(api.boxOffice.availability(dev.booking.domain.EventId.of("e3")).join()).isEmpty();
    }

    private String raw(String request) throws Exception {
        return raw(request, false, 20_000);
    }

    /** Sends the bytes as they are, closing the sending side after them if asked, and reads the whole answer. */
    private String raw(String request, boolean closeOutput, int waitMillis) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.app.port())) {
            socket.setSoTimeout(waitMillis);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            if (closeOutput) {
                socket.shutdownOutput();
            }
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no complete answer within " + waitMillis + " ms", e);
        }
    }

    /** A reservation whose body stops a third of the way into its declared 100 bytes. */
    private static final String HALF_A_BODY = "POST /events/concert/reservations HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"reservationId\":";

    private static void assertProblem(String reply, int status, String error) throws Exception {
        assertThat(reply).startsWith("HTTP/1.1 " + status);
        assertThat(reply).containsIgnoringCase("Content-Type: application/problem+json");
        String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("error").asText()).isEqualTo(error);
        assertThat(json.get("detail").asText()).isNotBlank();
    }

    @Test
    void a_connection_broken_mid_request_is_answered_as_unavailable_not_as_a_failure() {
        Problem problem = ProblemErrorHandler.problemFor(500, "broken", new org.eclipse.jetty.io.EofException("reset"));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.error()).isEqualTo("unavailable");
    }
}
