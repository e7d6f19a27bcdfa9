package dev.booking.engine;

import com.hazelcast.core.HazelcastInstance;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Decision;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.RejectionReason;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Sales;
import dev.booking.domain.Status;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static dev.booking.domain.Sales.concert;
import static dev.booking.domain.Sales.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AsynchronousIntakeTest {
    private BookingCluster cluster;
    private final List<IntakeDecider> deciders = new ArrayList<>();

    @AfterEach
    void shutdown() {
        deciders.forEach(IntakeDecider::close);
        cluster.close();
    }

    private void startDeciders() {
        for (HazelcastInstance member : cluster.members()) {
            deciders.add(new IntakeDecider(member, new BoxOffice(member), Duration.ofMillis(200)));
        }
    }

    @Test
    void an_accepted_request_is_pending_then_decided_and_a_repost_never_queues_it_twice() {
        cluster = BookingCluster.of(2);
        BoxOffice boxOffice = new BoxOffice(cluster.member(0));
        Intake intake = new Intake(cluster.member(0));
        boxOffice.define(concert(3, 0)).join();

        Decision accepted = intake.accept(request("r1", "floor", 2)).join();
        Decision again = intake.accept(request("r1", "floor", 2)).join();
        Decision conflicting = intake.accept(request("r1", "floor", 3)).join();

        assertThat(accepted).isInstanceOf(Decision.Pending.class);
        assertThat(again).isInstanceOf(Decision.Pending.class);
        assertThat(conflicting).isInstanceOf(Decision.Conflict.class);
        assertThat(intake.waiting(Sales.CONCERT, ReservationId.of("r1")).join()).map(Reservation::status).contains(Status.PENDING);

        startDeciders();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                boxOffice.reservation(Sales.CONCERT, ReservationId.of("r1")).join()).map(Reservation::status)
                .contains(Status.CONFIRMED));
        await().atMost(Duration.ofSeconds(20)).until(() -> intake.size() == 0);
        Decision afterDecision = intake.accept(request("r1", "floor", 2)).join();
        assertThat(afterDecision).isInstanceOf(Decision.Confirmed.class);
        assertThat(((Decision.Confirmed) afterDecision).replay()).isTrue();
        assertThat(intake.size()).isZero();
        assertThat(boxOffice.availability(Sales.CONCERT).join().orElseThrow().categories().get(0).confirmed()).isEqualTo(2);
    }

    @Test
    void requests_that_cannot_be_decided_are_refused_at_acceptance() {
        cluster = BookingCluster.of(1);
        Intake intake = new Intake(cluster.member(0));
        new BoxOffice(cluster.member(0)).define(concert(3, 0)).join();

        assertThat(intake.accept(request("r1", "standing", 1)).join()).isInstanceOf(Decision.Refused.class);
        assertThat(intake.accept(new ReservationRequest(EventId.of("none"), ReservationId.of("r1"), CategoryId.of("a"),
                CustomerId.of("c"), 1)).join()).isInstanceOf(Decision.Refused.class);
        assertThat(intake.size()).isZero();
    }

    @Test
    void an_accepted_request_the_event_no_longer_allows_when_it_is_decided_is_rejected_not_dropped() {
        // given two requests accepted, then the event revised: the balcony removed, at most 2 seats at once
        cluster = BookingCluster.of(2);
        BoxOffice boxOffice = new BoxOffice(cluster.member(0));
        Intake intake = new Intake(cluster.member(0));
        boxOffice.define(concert(10, 10)).join();
        assertThat(intake.accept(request("r1", "balcony", 1)).join()).isInstanceOf(Decision.Pending.class);
        assertThat(intake.accept(request("r2", "floor", 4)).join()).isInstanceOf(Decision.Pending.class);
        boxOffice.define(new EventDefinition(Sales.CONCERT, "New Year's Eve", null,
                List.of(new CategoryDefinition(CategoryId.of("floor"), 10)), 2)).join();
        // a retry before the decision is still accepted, not refused; another request under the id conflicts
        assertThat(intake.accept(request("r1", "balcony", 1)).join()).isInstanceOf(Decision.Pending.class);
        assertThat(intake.accept(request("r2", "floor", 4)).join()).isInstanceOf(Decision.Pending.class);
        assertThat(intake.accept(request("r1", "balcony", 2)).join()).isInstanceOf(Decision.Conflict.class);
        assertThat(intake.accept(request("r3", "balcony", 1)).join()).isInstanceOf(Decision.Refused.class);

        // when the intake decides them
        startDeciders();

        // then each is rejected, says why, and answers a re-POST the same way
        for (String id : List.of("r1", "r2")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    boxOffice.reservation(Sales.CONCERT, ReservationId.of(id)).join())
                    .hasValueSatisfying(r -> {
                        assertThat(r.status()).isEqualTo(Status.REJECTED);
                        assertThat(r.reason()).isEqualTo(RejectionReason.EVENT_CHANGED);
                    }));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> intake.size() == 0);
        assertThat(intake.accept(request("r2", "floor", 4)).join()).isInstanceOf(Decision.Rejected.class);
        assertThat(intake.accept(request("r1", "balcony", 1)).join()).isInstanceOf(Decision.Rejected.class);
        assertThat(boxOffice.availability(Sales.CONCERT).join().orElseThrow().categories().get(0).confirmed()).isZero();
    }

    @Test
    void while_a_member_could_not_read_the_rejection_the_request_stays_accepted_and_is_decided_after() {
        // given a cluster with a member of an earlier build (it does not announce the capability)
        AtomicInteger started = new AtomicInteger();
        cluster = BookingCluster.of(2, config -> {
            if (started.getAndIncrement() == 1) {
                config.getMemberAttributeConfig().removeAttribute(MemberCapabilities.REJECTS_ACCEPTED_WHEN_EVENT_CHANGED);
            }
            return config;
        });
        BoxOffice boxOffice = new BoxOffice(cluster.member(0));
        Intake intake = new Intake(cluster.member(0));
        boxOffice.define(concert(10, 10)).join();
        assertThat(intake.accept(request("r1", "balcony", 1)).join()).isInstanceOf(Decision.Pending.class);
        boxOffice.define(new EventDefinition(Sales.CONCERT, "New Year's Eve", null,
                List.of(new CategoryDefinition(CategoryId.of("floor"), 10)), 2)).join();

        // when the intake tries to decide it, sweep after sweep
        startDeciders();
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(30)).until(() -> intake.size() == 1);

        // then it is still accepted and undecided; once the old member is gone, it is rejected
        assertThat(boxOffice.reservation(Sales.CONCERT, ReservationId.of("r1")).join()).isEmpty();
        assertThat(boxOffice.decideAccepted(request("r1", "balcony", 1)).join()).isInstanceOf(Decision.Pending.class);
        deciders.remove(1).close();
        cluster.member(1).shutdown();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                boxOffice.reservation(Sales.CONCERT, ReservationId.of("r1")).join())
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(RejectionReason.EVENT_CHANGED)));
        await().atMost(Duration.ofSeconds(20)).until(() -> intake.size() == 0);
    }

    @Test
    void a_burst_with_duplicates_and_a_crashed_member_is_decided_exactly_once_without_oversell() {
        cluster = BookingCluster.of(3);
        startDeciders();
        HazelcastInstance entry = cluster.member(0);
        BoxOffice boxOffice = new BoxOffice(entry);
        Intake intake = new Intake(entry);
        List<EventId> events = IntStream.range(0, 4).mapToObj(i -> EventId.of("async-" + i)).toList();
        for (EventId event : events) {
            boxOffice.define(new EventDefinition(event, "Async " + event, null,
                    List.of(new CategoryDefinition(CategoryId.of("floor"), 300)), 4)).join();
        }
        Map<ReservationId, ReservationRequest> accepted = new ConcurrentHashMap<>();
        Map<ReservationId, ReservationRequest> sent = new ConcurrentHashMap<>();
        HazelcastInstance victim = cluster.member(2);

        IntStream.range(0, 1600).parallel().forEach(i -> {
            if (i == 800) {
                cluster.crash(victim);
            }
            var request = new ReservationRequest(events.get(i % 4), ReservationId.of("a" + (i % 1400)),
                    CategoryId.of("floor"), CustomerId.of("c" + (i % 1400)), 1 + (i % 1400) % 4);
            sent.put(request.reservationId(), request);
            for (int attempt = 0; attempt < 5; attempt++) {
                try {
                    if (intake.accept(request).join() instanceof Decision.Pending) {
                        accepted.put(request.reservationId(), request);
                    }
                    return;
                } catch (RuntimeException retry) {
                    // the crash may fail an acceptance in flight: the client retries the same request
                }
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> intake.size() == 0);
        int confirmedSeats = 0;
        for (ReservationRequest request : accepted.values()) {
            Reservation decided = boxOffice.reservation(request.eventId(), request.reservationId()).join().orElseThrow();
            assertThat(decided.status()).isIn(Status.CONFIRMED, Status.REJECTED);
        }
        for (EventId event : events) {
            var floor = boxOffice.availability(event).join().orElseThrow().categories().get(0);
            assertThat(floor.confirmed()).isLessThanOrEqualTo(300);
            confirmedSeats += floor.confirmed();
        }
        // Every request sent, not only those answered PENDING: an acceptance that failed in the crash may have
        // been stored all the same, and its retry then answers the decision instead of PENDING.
        int confirmedInLedgers = 0;
        for (ReservationRequest request : sent.values()) {
            var held = boxOffice.reservation(request.eventId(), request.reservationId()).join();
            confirmedInLedgers += held.filter(Reservation::isConfirmed).map(Reservation::quantity).orElse(0);
        }
        assertThat(confirmedSeats).isEqualTo(confirmedInLedgers);
    }
}
