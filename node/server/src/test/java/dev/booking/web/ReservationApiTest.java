package dev.booking.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReservationApiTest {
    private ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture();
        api.defineConcert(5);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void a_reservation_within_capacity_answers_201_with_its_location() {
        var reply = api.reserve("r1", "floor", 2);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.location()).isEqualTo("/events/concert/reservations/r1");
        assertThat(reply.text("status")).isEqualTo("CONFIRMED");
        assertThat(reply.json().get("quantity").asInt()).isEqualTo(2);
        assertThat(reply.json().has("reason")).isFalse();
        assertThat(api.confirmed("floor")).isEqualTo(2);
    }

    @Test
    void more_than_is_left_answers_409_insufficient_capacity_and_none_left_answers_409_sold_out() {
        api.reserve("r1", "floor", 4);

        var insufficient = api.reserve("r2", "floor", 2);
        api.reserve("r3", "floor", 1);
        var soldOut = api.reserve("r4", "floor", 1);

        assertThat(insufficient.status()).isEqualTo(409);
        assertThat(insufficient.text("status")).isEqualTo("REJECTED");
        assertThat(insufficient.text("reason")).isEqualTo("INSUFFICIENT_CAPACITY");
        assertThat(soldOut.status()).isEqualTo(409);
        assertThat(soldOut.text("reason")).isEqualTo("SOLD_OUT");
        assertThat(api.confirmed("floor")).isEqualTo(5);
    }

    @Test
    void a_replay_answers_the_original_status_code_with_the_current_state() {
        api.reserve("r1", "floor", 5);
        api.reserve("r2", "floor", 1);
        api.delete("/events/concert/reservations/r1");

        var confirmedThenCancelled = api.reserve("r1", "floor", 5);
        var stillRejected = api.reserve("r2", "floor", 1);

        assertThat(confirmedThenCancelled.status()).isEqualTo(201);
        assertThat(confirmedThenCancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(confirmedThenCancelled.replayed()).isTrue();
        assertThat(stillRejected.status()).isEqualTo(409);
        assertThat(stillRejected.text("status")).isEqualTo("REJECTED");
        assertThat(api.confirmed("floor")).isZero();
    }

    @Test
    void the_same_id_with_other_content_answers_422_idempotency_conflict_and_changes_nothing() {
        api.reserve("r1", "floor", 2);

        var otherQuantity = api.reserve("r1", "floor", 3);
        var otherCategory = api.reserve("r1", "balcony", 2);

        assertThat(otherQuantity.status()).isEqualTo(422);
        assertThat(otherQuantity.contentType()).startsWith("application/problem+json");
        assertThat(otherQuantity.text("error")).isEqualTo("idempotency_conflict");
        assertThat(otherCategory.text("error")).isEqualTo("idempotency_conflict");
        assertThat(api.confirmed("floor")).isEqualTo(2);
        assertThat(api.confirmed("balcony")).isZero();
    }

    @Test
    void an_unknown_event_answers_404_and_an_unknown_category_422() {
        var noEvent = api.post("/events/nothing/reservations",
                "{\"reservationId\":\"r1\",\"category\":\"floor\",\"customerId\":\"a\",\"quantity\":1}");
        var noCategory = api.reserve("r1", "standing", 1);

        assertThat(noEvent.status()).isEqualTo(404);
        assertThat(noEvent.text("error")).isEqualTo("event_not_found");
        assertThat(noCategory.status()).isEqualTo(422);
        assertThat(noCategory.text("error")).isEqualTo("unknown_category");
        assertThat(noCategory.text("field")).isEqualTo("category");
    }

    @Test
    void a_quantity_out_of_range_answers_400_naming_the_field() {
        for (int quantity : new int[]{0, -1, 11, 5000}) {
            var reply = api.reserve("q" + (quantity + 10), "floor", quantity);
            assertThat(reply.status()).as("quantity " + quantity).isEqualTo(400);
            assertThat(reply.text("error")).isEqualTo("quantity_out_of_range");
            assertThat(reply.text("field")).isEqualTo("quantity");
        }
        assertThat(api.confirmed("floor")).isZero();
    }

    @Test
    void a_reservation_can_be_read_back_and_an_unknown_one_is_404() {
        api.reserve("r1", "floor", 2);

        var found = api.get("/events/concert/reservations/r1");
        var missing = api.get("/events/concert/reservations/r9");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.text("customerId")).isEqualTo("alice");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("error")).isEqualTo("reservation_not_found");
    }

    @Test
    void cancelling_answers_200_cancelled_twice_and_returns_the_seats_once() {
        api.reserve("r1", "floor", 3);

        var first = api.delete("/events/concert/reservations/r1");
        var second = api.delete("/events/concert/reservations/r1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("CANCELLED");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.replayed()).isTrue();
        assertThat(api.confirmed("floor")).isZero();
    }

    @Test
    void cancelling_a_rejected_reservation_answers_409_and_an_unknown_one_404() {
        api.reserve("big", "floor", 6);

        var rejected = api.delete("/events/concert/reservations/big");
        var unknown = api.delete("/events/concert/reservations/nobody");

        assertThat(api.get("/events/concert/reservations/big").text("status")).isEqualTo("REJECTED");
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.text("error")).isEqualTo("not_cancellable");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void a_method_override_header_is_refused_and_changes_nothing() {
        api.reserve("r1", "floor", 2);

        var cancelByGet = api.sendWithHeader("GET", "/events/concert/reservations/r1", null, "X-HTTP-Method-Override", "DELETE");
        var defineByGet = api.sendWithHeader("GET", "/events/sneaky", "{\"name\":\"x\",\"categories\":[{\"id\":\"a\",\"capacity\":1}]}",
                "X-HTTP-Method-Override", "PUT");
        var cancelByHead = api.sendWithHeader("HEAD", "/events/concert/reservations/r1", null, "X-HTTP-Method-Override", "DELETE");

        assertThat(cancelByGet.status()).isEqualTo(400);
        assertThat(cancelByGet.text("error")).isEqualTo("method_override_not_supported");
        assertThat(cancelByGet.text("field")).isEqualTo("X-HTTP-Method-Override");
        assertThat(defineByGet.status()).isEqualTo(400);
        assertThat(cancelByHead.status()).isEqualTo(400);
        assertThat(api.get("/events/concert/reservations/r1").text("status")).isEqualTo("CONFIRMED");
        assertThat(api.boxOffice.availability(dev.booking.domain.EventId.of("sneaky")).join()).isEmpty();
    }

    @Test
    void head_answers_as_get_would_without_the_body() {
        api.reserve("r1", "floor", 2);

        var known = api.send("HEAD", "/events/concert/reservations/r1", null);
        var unknown = api.send("HEAD", "/events/concert/reservations/nope", null);
        var noEvent = api.send("HEAD", "/events/no-such-event", null);
        var badId = api.send("HEAD", "/events/bad%20id", null);

        assertThat(known.status()).isEqualTo(200);
        assertThat(known.contentType()).startsWith("application/json");
        assertThat(known.body()).isEmpty();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noEvent.status()).isEqualTo(404);
        assertThat(badId.status()).isEqualTo(400);
    }
}
