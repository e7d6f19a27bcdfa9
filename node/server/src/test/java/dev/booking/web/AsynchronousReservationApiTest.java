package dev.booking.web;

import com.hazelcast.map.listener.EntryAddedListener;
import dev.booking.engine.Intake;
import dev.booking.engine.IntakeDecider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code Prefer: respond-async} and {@code Prefer: wait=N}: 202, Location, PENDING, then the decision. */
class AsynchronousReservationApiTest {
    static final String BODY = "{\"reservationId\":\"%s\",\"category\":\"floor\",\"customerId\":\"alice\",\"quantity\":%d}";
    private ApiFixture api;
    private IntakeDecider decider;

    @BeforeEach
    void start() {
        api = new ApiFixture();
        api.defineConcert(5);
    }

    @AfterEach
    void stop() {
        if (decider != null) {
            decider.close();
        }
        api.close();
    }

    private void startDecider() {
        decider = new IntakeDecider(api.cluster.member(0), api.boxOffice, Duration.ofMillis(200));
    }

    @Test
    void respond_async_answers_202_pending_with_location_then_the_reservation_is_decided() {
        var accepted = api.send("POST", "/events/concert/reservations", BODY.formatted("a1", 2), "respond-async");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.location()).isEqualTo("/events/concert/reservations/a1");
        assertThat(accepted.text("status")).isEqualTo("PENDING");
        assertThat(api.get("/events/concert/reservations/a1").text("status")).isEqualTo("PENDING");
        var again = api.send("POST", "/events/concert/reservations", BODY.formatted("a1", 2), "respond-async");
        assertThat(again.status()).isEqualTo(202);
        assertThat(api.delete("/events/concert/reservations/a1").status()).isEqualTo(409);

        startDecider();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/events/concert/reservations/a1").text("status")).isEqualTo("CONFIRMED"));
        var afterDecision = api.send("POST", "/events/concert/reservations", BODY.formatted("a1", 2), "respond-async");
        assertThat(afterDecision.status()).isEqualTo(201);
        assertThat(afterDecision.replayed()).isTrue();
        assertThat(api.confirmed("floor")).isEqualTo(2);
    }

    @Test
    void wait_answers_with_the_decision_when_it_comes_in_time() {
        var decided = api.send("POST", "/events/concert/reservations", BODY.formatted("w1", 2), "wait=25");
        var rejected = api.send("POST", "/events/concert/reservations", BODY.formatted("w2", 4), "respond-async, wait=25");

        assertThat(decided.status()).isEqualTo(201);
        assertThat(decided.text("status")).isEqualTo("CONFIRMED");
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.text("reason")).isEqualTo("INSUFFICIENT_CAPACITY");
    }

    @Test
    void a_request_sent_once_with_wait_is_never_answered_as_a_replay_and_its_retry_is() {
        // the intake's decider and the waiting call race to decide it; whichever wins, it is the first answer
        startDecider();
        List<ApiFixture.Reply> once = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            once.add(api.send("POST", "/events/concert/reservations", BODY.formatted("once-" + i, 1), "wait=20"));
        }
        var retry = api.send("POST", "/events/concert/reservations", BODY.formatted("once-0", 1), "wait=20");

        assertThat(once).extracting(ApiFixture.Reply::status).containsOnly(201, 409).contains(201, 409);
        assertThat(once).extracting(ApiFixture.Reply::replayed).as("Idempotent-Replayed on first answers").containsOnly(false);
        assertThat(retry.status()).isEqualTo(once.get(0).status());
        assertThat(retry.replayed()).isTrue();
    }

    @Test
    void of_identical_requests_sent_at_once_with_wait_the_retries_are_marked_as_replays_and_one_booking_is_made() throws Exception {
        startDecider();
        api.put("/events/big", "{\"name\":\"Big\",\"categories\":[{\"id\":\"floor\",\"capacity\":100}]}");
        // Each answer the intake gave by queuing the request (an entry added) is a first answer, and only those:
        // a call that checked the ledger just before the decision and queued the request again just after it
        // cannot tell that it is a retry, so a burst may have two, or (rarely) more.
        Map<String, Integer> queued = new ConcurrentHashMap<>();
        api.cluster.member(0).<String, Object>getMap(Intake.INTAKE_MAP).addEntryListener(
                (EntryAddedListener<String, Object>) added -> queued.merge(added.getKey(), 1, Integer::sum), false);
        Map<String, Integer> unmarked = new HashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            for (int burst = 0; burst < 20; burst++) {
                String body = BODY.formatted("same-" + burst, 1);
                List<Future<ApiFixture.Reply>> sent = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    sent.add(senders.submit(() -> api.send("POST", "/events/big/reservations", body, "wait=20")));
                }
                List<ApiFixture.Reply> replies = new ArrayList<>();
                for (Future<ApiFixture.Reply> reply : sent) {
                    replies.add(reply.get(60, TimeUnit.SECONDS));
                }

                assertThat(replies).extracting(ApiFixture.Reply::status).as("burst %d", burst).containsOnly(201);
                assertThat(replies).extracting(ApiFixture.Reply::body).as("burst %d", burst).containsOnly(replies.get(0).body());
                int firstAnswers = (int) replies.stream().filter(reply -> !reply.replayed()).count();
                assertThat(firstAnswers).as("first answers in burst %d", burst).isBetween(1, 5);
                unmarked.put("big|same-" + burst, firstAnswers);
            }
        } finally {
            senders.shutdownNow();
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(queued).as("requests queued, by reservation").isEqualTo(unmarked));
        assertThat(api.get("/events/big/reservations/same-0").text("status")).isEqualTo("CONFIRMED");
        assertThat(api.boxOffice.availability(dev.booking.domain.EventId.of("big")).join().orElseThrow()
                .categories().get(0).confirmed()).as("one booking per burst").isEqualTo(20);
    }

    @Test
    void the_asynchronous_path_refuses_bad_requests_at_once() {
        var conflict0 = api.send("POST", "/events/concert/reservations", BODY.formatted("c1", 1), "respond-async");
        var conflict = api.send("POST", "/events/concert/reservations", BODY.formatted("c1", 2), "respond-async");
        var unknownCategory = api.send("POST", "/events/concert/reservations",
                "{\"reservationId\":\"u1\",\"category\":\"standing\",\"customerId\":\"a\",\"quantity\":1}", "respond-async");
        var unknownEvent = api.send("POST", "/events/nope/reservations", BODY.formatted("n1", 1), "respond-async");
        var malformed = api.send("POST", "/events/concert/reservations", "{", "respond-async");

        assertThat(conflict0.status()).isEqualTo(202);
        assertThat(conflict.status()).isEqualTo(422);
        assertThat(conflict.text("error")).isEqualTo("idempotency_conflict");
        assertThat(unknownCategory.status()).isEqualTo(422);
        assertThat(unknownEvent.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(api.intake.size()).isEqualTo(1);
    }

    @Test
    void an_unknown_preference_is_ignored_and_the_call_waits_for_the_decision() {
        var reply = api.send("POST", "/events/concert/reservations", BODY.formatted("p1", 1), "handling=lenient, wait=abc");

        assertThat(reply.status()).isEqualTo(201);
    }
}
