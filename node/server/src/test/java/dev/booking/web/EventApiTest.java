package dev.booking.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventApiTest {
    private ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void defining_an_event_answers_201_then_200_and_shows_its_availability() {
        var created = api.defineConcert(100);
        var updated = api.defineConcert(150);

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("categories").get(0).get("capacity").asInt()).isEqualTo(150);
        var shown = api.eventually("/events/concert", reply -> reply.status() == 200 && reply.json().get("sequence").asLong() == 2);
        assertThat(shown.text("asOf")).isNotBlank();
        assertThat(shown.json().get("startsAt").asText()).isEqualTo("2026-12-31T20:00:00Z");
        var floor = shown.json().get("categories").get(0);
        assertThat(floor.get("id").asText()).isEqualTo("floor");
        assertThat(floor.get("capacity").asInt()).isEqualTo(150);
        assertThat(floor.get("confirmed").asInt()).isZero();
        assertThat(floor.get("available").asInt()).isEqualTo(150);
    }

    @Test
    void lowering_capacity_below_what_is_confirmed_answers_409_and_changes_nothing() {
        api.defineConcert(10);
        api.reserve("r1", "floor", 5);

        var refused = api.defineConcert(4);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("error")).isEqualTo("capacity_below_confirmed");
        var shown = api.eventually("/events/concert", reply -> reply.status() == 200
                && reply.json().get("categories").get(0).get("confirmed").asInt() == 5);
        assertThat(shown.json().get("categories").get(0).get("capacity").asInt()).isEqualTo(10);
    }

    @Test
    void listing_events_shows_every_event_by_id() {
        api.defineConcert(10);
        api.put("/events/bistro", "{\"name\":\"Bistro\",\"categories\":[{\"id\":\"19:30\",\"capacity\":12}],\"maxPerReservation\":8}");

        var list = api.eventually("/events", reply -> reply.json().size() == 2);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get(0).get("id").asText()).isEqualTo("bistro");
        assertThat(list.json().get(0).get("maxPerReservation").asInt()).isEqualTo(8);
    }

    @Test
    void an_unknown_event_answers_404_problem() {
        var reply = api.get("/events/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("error")).isEqualTo("event_not_found");
        assertThat(reply.json().get("status").asInt()).isEqualTo(404);
        assertThat(reply.text("title")).isNotBlank();
        assertThat(reply.text("type")).isNotBlank();
    }

    @Test
    void health_reports_members_and_cluster_safety_and_probes_answer() {
        var health = api.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.json().get("members").asInt()).isEqualTo(1);
        assertThat(health.json().get("clusterSafe").asBoolean()).isTrue();
        assertThat(api.get("/health/live").status()).isEqualTo(200);
        assertThat(api.get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void a_draining_node_is_live_but_not_ready() {
        api.health.drain();

        assertThat(api.get("/health/live").status()).isEqualTo(200);
        var ready = api.get("/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.text("reason")).contains("draining");
    }

    @Test
    void a_start_with_an_offset_is_kept_as_the_instant_it_names() {
        ApiFixture.Reply reply = api.put("/events/e4", "{\"name\":\"E\",\"startsAt\":\"2027-01-15T21:00:00+01:00\",\"categories\":[{\"id\":\"a\",\"capacity\":1}]}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("startsAt")).isEqualTo("2027-01-15T20:00:00Z");
    }

    @Test
    void more_categories_than_an_event_can_ever_have_is_its_own_conflict() {
        StringBuilder categories = new StringBuilder();
        int answered = 0;
        ApiFixture.Reply last = null;
        for (int round = 0; round < 5 && (last == null || last.status() != 409); round++) {
            categories.setLength(0);
            for (int c = 0; c < 64; c++) {
                categories.append(c == 0 ? "" : ",").append("{\"id\":\"c").append(round).append('-').append(c)
                        .append("\",\"capacity\":1}");
            }
            last = api.put("/events/many", "{\"name\":\"Many\",\"categories\":[" + categories + "]}");
            answered++;
        }

        assertThat(answered).as("the fourth definition of 64 new categories passes 255").isEqualTo(4);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.text("error")).isEqualTo("too_many_categories");
        assertThat(last.text("field")).isEqualTo("categories");
    }
}
