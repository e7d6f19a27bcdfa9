package dev.booking.web;

import dev.booking.domain.CustomerId;
import dev.booking.pipelines.CustomerBucket;
import dev.booking.pipelines.RebuildingLists;
import dev.booking.pipelines.ViewJobs;
import dev.booking.pipelines.ViewLayout;
import dev.booking.pipelines.ViewMaps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side over HTTP: views built by the pipelines, with their freshness, and their upkeep. */
class QueryApiTest {
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
    void a_customers_reservations_are_listed_with_their_current_status() {
        api.reserve("r1", "floor", 2);
        api.reserve("r2", "balcony", 1);
        api.delete("/events/concert/reservations/r1");

        var list = api.eventually("/customers/alice/reservations", reply -> reply.json().get("reservations").size() == 2
                && reply.json().get("reservations").get(0).get("status").asText().equals("CANCELLED"));

        assertThat(list.json().get("reservations").get(1).get("reservationId").asText()).isEqualTo("r2");
        assertThat(list.json().get("reservations").get(1).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(list.text("asOf")).isNotBlank();
        assertThat(api.get("/customers/nobody/reservations").json().get("reservations")).isEmpty();
        assertThat(api.get("/customers/bad%20id/reservations").status()).isEqualTo(400);
    }

    @Test
    void a_list_being_rebuilt_after_a_member_crash_says_it_is_incomplete() {
        api.reserve("r1", "floor", 2);
        var whole = api.eventually("/customers/alice/reservations", reply -> reply.json().get("reservations").size() == 1);
        int alices = CustomerBucket.bucketOf(CustomerId.of("alice"));
        long lostAt = Instant.parse("2026-11-27T20:00:00Z").toEpochMilli();

        // A node reuses its read of the marks for QueryViews.MARKS_REUSED_FOR: each step waits until it shows.
        markLost(IntStream.range(0, CustomerBucket.COUNT).filter(bucket -> bucket != alices), lostAt);
        api.eventually("/metrics", reply -> reply.body().contains(rebuildingBuckets(CustomerBucket.COUNT - 1)));
        var othersRebuilding = api.get("/customers/alice/reservations");
        markLost(IntStream.range(0, CustomerBucket.COUNT), lostAt);
        var rebuilding = api.eventually("/customers/alice/reservations", reply -> !reply.json().get("complete").asBoolean());
        var metrics = api.get("/metrics");

        assertThat(whole.json().get("complete").asBoolean()).isTrue();
        assertThat(whole.json().has("rebuildingSince")).isFalse();
        assertThat(othersRebuilding.json().get("complete").asBoolean()).as("only other buckets lost").isTrue();
        assertThat(rebuilding.json().get("complete").asBoolean()).isFalse();
        assertThat(rebuilding.text("rebuildingSince")).isEqualTo("2026-11-27T20:00:00Z");
        assertThat(rebuilding.json().get("reservations")).hasSize(1);
        assertThat(metrics.body()).contains(rebuildingBuckets(CustomerBucket.COUNT));
    }

    private static String rebuildingBuckets(int count) {
        return "booking_view_customer_buckets_rebuilding " + count + ".0";
    }

    private void markLost(IntStream buckets, long lostAt) {
        TreeMap<Integer, RebuildingLists.Lost> marks = new TreeMap<>();
        buckets.forEach(bucket -> marks.put(bucket, new RebuildingLists.Lost(1, lostAt)));
        api.cluster.member(0).getMap(ViewMaps.HEALTH).put(ViewMaps.REBUILDING_LISTS, new RebuildingLists(marks, 1));
    }

    @Test
    void sales_figures_count_confirmations_and_rejections_and_say_when_a_category_sold_out() {
        api.reserve("r1", "floor", 4);
        api.reserve("r2", "floor", 2);
        api.reserve("r3", "floor", 1);

        var stats = api.eventually("/events/concert/stats", reply -> reply.status() == 200
                && reply.json().get("sequence").asLong() == 4);

        assertThat(stats.json().get("confirmedReservations").asInt()).isEqualTo(2);
        assertThat(stats.json().get("rejectedReservations").asInt()).isEqualTo(1);
        assertThat(stats.json().get("confirmedSeats").asInt()).isEqualTo(5);
        assertThat(stats.json().get("categories").get(0).get("soldOutAt").asText()).isNotBlank();
        assertThat(stats.json().get("seatsPerMinute")).isNotNull();
        assertThat(api.get("/events/nothing/stats").status()).isEqualTo(404);
    }

    @Test
    void reconciliation_finds_the_views_clean_after_they_caught_up_and_a_rebuild_restores_them() {
        api.reserve("r1", "floor", 2);
        api.eventually("/events/concert", reply -> reply.status() == 200
                && reply.json().get("categories").get(0).get("confirmed").asInt() == 2);
        api.eventually("/customers/alice/reservations", reply -> reply.json().get("reservations").size() == 1);

        var report = api.get("/admin/reconciliation");
        var rebuilt = api.post("/admin/views/rebuild", null);

        assertThat(report.json().get("clean").asBoolean()).as(report.body()).isTrue();
        assertThat(rebuilt.json().get("republishedEvents").asInt()).isEqualTo(1);
        api.eventually("/events/concert", reply -> reply.status() == 200
                && reply.json().get("categories").get(0).get("confirmed").asInt() == 2);
    }

    @Test
    void a_thorough_repair_says_what_it_took_out_and_refuses_a_parameter_it_does_not_know() {
        api.reserve("r1", "floor", 2);
        api.eventually("/customers/alice/reservations", reply -> reply.json().get("reservations").size() == 1);

        var thorough = api.post("/admin/views/repair?thorough=true", null);
        var plain = api.post("/admin/views/repair", null);
        var unclear = api.post("/admin/views/repair?thorough=yes", null);
        var twice = api.post("/admin/views/repair?thorough=true&thorough=bogus", null);

        assertThat(thorough.status()).isEqualTo(200);
        assertThat(thorough.json().get("republishedEvents").asInt()).isEqualTo(1);
        assertThat(thorough.json().get("customerLinesTakenOut").asInt()).as("nothing was wrong").isZero();
        assertThat(thorough.json().get("eventViewsTakenOut").asInt()).isZero();
        assertThat(thorough.json().get("figuresTakenOut").asInt()).isZero();
        assertThat(plain.json().get("republishedEvents").asInt()).isEqualTo(1);
        assertThat(unclear.status()).isEqualTo(400);
        assertThat(unclear.text("error")).isEqualTo("invalid_parameter");
        assertThat(unclear.text("field")).isEqualTo("thorough");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.text("error")).isEqualTo("invalid_parameter");
        assertThat(api.get("/customers/alice/reservations").json().get("reservations")).hasSize(1);
    }

    @Test
    void metrics_expose_the_decision_to_view_lag() {
        api.reserve("r1", "floor", 1);
        api.eventually("/events/concert", reply -> reply.status() == 200
                && reply.json().get("categories").get(0).get("confirmed").asInt() == 1);

        // A scrape asks Jet for the job's state and waits 2 s at most: a loaded machine may need another scrape.
        var metrics = api.eventually("/metrics", reply -> !reply.body().contains("booking_view_lag_samples 0.0")
                && reply.body().contains("booking_view_job_running 1.0"));

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("booking_view_lag_p99_seconds").contains("booking_intake_pending")
                .contains("booking_view_job_running 1.0").contains("booking_view_job_unanswered 0.0")
                .contains("booking_view_repair_owed 0.0").contains("booking_view_layout_differs 0.0");
    }

    @Test
    void metrics_tell_when_the_views_hold_another_layout_of_buckets_than_this_nodes_build_reads() {
        api.cluster.member(0).getMap(ViewMaps.HEALTH).put(ViewMaps.LAYOUT, ViewLayout.THIS_BUILD.asText());
        assertThat(api.get("/metrics").body()).contains("booking_view_layout_differs 0.0");

        api.cluster.member(0).getMap(ViewMaps.HEALTH).put(ViewMaps.LAYOUT, "customer-buckets=271,event-buckets=67");

        assertThat(api.get("/metrics").body()).contains("booking_view_layout_differs 1.0");
    }

    @Test
    void metrics_say_when_the_view_job_does_not_run() {
        api.eventually("/metrics", reply -> reply.body().contains("booking_view_job_running 1.0"));

        ViewJobs.stop(api.cluster.member(0));

        api.eventually("/metrics", reply -> reply.body().contains("booking_view_job_running 0.0")
                && reply.body().contains("booking_view_job_unanswered 0.0"));
    }

    @Test
    void metrics_say_when_the_views_owe_a_repair_after_the_view_job_failed() {
        api.cluster.member(0).getMap(ViewMaps.HEALTH).put(ViewMaps.REPAIR_OWED, 1L);

        assertThat(api.get("/metrics").body()).contains("booking_view_repair_owed 1.0");
    }
}
