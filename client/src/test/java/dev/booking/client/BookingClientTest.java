package dev.booking.client;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Decision;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.ReservationId;
import dev.booking.domain.RejectionReason;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Status;
import dev.booking.engine.BookingConfig;
import dev.booking.engine.BoxOffice;
import dev.booking.engine.IntakeDecider;
import dev.booking.testing.SaleRace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Java client against a 3-member cluster: the same decisions, replays and crash safety as a member. */
class BookingClientTest {
    static final EventId GIG = EventId.of("gig");
    static final CategoryId FLOOR = CategoryId.of("floor");
    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final List<HazelcastInstance> members = new ArrayList<>();
    private BookingClient client;

    @BeforeEach
    void cluster() {
        for (int i = 0; i < 3; i++) {
            var config = BookingConfig.base();
            config.setClusterName("client-test");
            config.setProperty("hazelcast.partition.count", "71");
            members.add(factory.newHazelcastInstance(config));
        }
        var clientConfig = BookingClient.config("client-test", List.of());
        client = BookingClient.on(factory.newHazelcastClient(clientConfig), Duration.ofSeconds(60));
    }

    @AfterEach
    void shutdown() {
        client.close();
        factory.terminateAll();
    }

    @Test
    void a_client_books_replays_and_cancels_with_the_engine_semantics() {
        client.define(gig(3)).join();
        var request = new ReservationRequest(GIG, ReservationId.of("r1"), FLOOR, CustomerId.of("alice"), 2);

        Decision first = client.reserve(request).join();
        Decision replay = client.reserve(request).join();
        Decision other = client.reserveAlone(new ReservationRequest(GIG, ReservationId.of("r2"), FLOOR, CustomerId.of("bob"), 2)).join();
        client.cancel(GIG, ReservationId.of("r1")).join();

        assertThat(first).isInstanceOf(Decision.Confirmed.class);
        assertThat(replay).isEqualTo(new Decision.Confirmed(((Decision.Confirmed) first).reservation(), true));
        assertThat(other).isInstanceOf(Decision.Rejected.class);
        assertThat(client.reservation(GIG, ReservationId.of("r1")).join().orElseThrow().status()).isEqualTo(Status.CANCELLED);
        assertThat(client.availability(GIG).join().orElseThrow().categories().get(0).available()).isEqualTo(3);
        assertThat(client.events()).hasSize(1);
    }

    @Test
    void an_asynchronous_submission_is_accepted_durably_and_completes_with_the_decision() {
        client.define(gig(3)).join();
        var request = new ReservationRequest(GIG, ReservationId.of("s1"), FLOOR, CustomerId.of("carol"), 3);

        Decision decided = client.submit(request).join();
        Decision replayed = client.submit(request).join();
        Decision accepted = client.accept(new ReservationRequest(GIG, ReservationId.of("s2"), FLOOR, CustomerId.of("dan"), 1)).join();

        assertThat(decided).isInstanceOf(Decision.Confirmed.class);
        assertThat(replayed).isInstanceOf(Decision.Confirmed.class);
        assertThat(((Decision.Confirmed) replayed).replay()).isTrue();
        assertThat(accepted).isInstanceOf(Decision.Pending.class);
        assertThat(client.reservation(GIG, ReservationId.of("s2")).join().orElseThrow().status()).isEqualTo(Status.PENDING);
    }

    @Test
    void a_submission_the_intake_decided_first_is_still_the_first_answer_and_retries_are_replays() {
        client.define(gig(100)).join();
        List<IntakeDecider> deciders = members.stream()
                .map(member -> new IntakeDecider(member, new BoxOffice(member), Duration.ofMillis(10))).toList();
        try {
            for (int i = 0; i < 20; i++) {
                var request = new ReservationRequest(GIG, ReservationId.of("q" + i), FLOOR, CustomerId.of("eve"), 1);

                Decision first = client.submit(request).join();
                Decision retried = client.submit(request).join();

                assertThat(first).as("q%d", i).isInstanceOf(Decision.Confirmed.class);
                assertThat(((Decision.Confirmed) first).replay()).as("q%d's first answer marked as a replay", i).isFalse();
                assertThat(retried).isEqualTo(first.asReplay(true));
            }
        } finally {
            deciders.forEach(IntakeDecider::close);
        }
        assertThat(client.availability(GIG).join().orElseThrow().categories().get(0).confirmed()).isEqualTo(20);
    }

    @Test
    void a_submission_its_event_no_longer_allows_is_rejected_as_changed_not_left_waiting() {
        client.define(new EventDefinition(GIG, "Gig", null, List.of(new CategoryDefinition(FLOOR, 10),
                new CategoryDefinition(CategoryId.of("balcony"), 10)))).join();
        var request = new ReservationRequest(GIG, ReservationId.of("b1"), CategoryId.of("balcony"), CustomerId.of("fay"), 1);
        assertThat(client.accept(request).join()).isInstanceOf(Decision.Pending.class);
        client.define(gig(10)).join();

        Decision decided = client.submit(request).join();

        assertThat(decided).isInstanceOfSatisfying(Decision.Rejected.class, rejected ->
                assertThat(rejected.reservation().reason()).isEqualTo(RejectionReason.EVENT_CHANGED));
        assertThat(client.reservation(GIG, ReservationId.of("b1")).join().orElseThrow().status()).isEqualTo(Status.REJECTED);
    }

    @Test
    void a_member_crash_mid_sale_through_the_client_loses_no_confirmation_and_oversells_nothing() throws Exception {
        int capacity = 3000;
        client.define(gig(capacity)).join();
        HazelcastInstance owner = members.stream()
                .filter(m -> m.getCluster().getLocalMember().equals(
                        m.getPartitionService().getPartition(GIG.value()).getOwner()))
                .findFirst().orElseThrow();
        SaleRace race = new SaleRace(GIG, FLOOR, 32, 0.10, 4, buyer -> client::reserve);
        CompletableFuture<Integer> crash = CompletableFuture.supplyAsync(() -> {
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> race.confirmedSeats.get() >= capacity / 3);
            int confirmedBefore = race.confirmedSeats.get();
            owner.getLifecycleService().terminate();
            return confirmedBefore;
        });

        race.run(20, Duration.ofMinutes(3));

        assertThat(crash.join()).as("seats confirmed before the crash: mid-sale, not after it").isLessThan(capacity);

        assertThat(race.replayMismatches).isEmpty();
        var floor = client.availability(GIG).join().orElseThrow().categories().get(0);
        assertThat(floor.confirmed()).isLessThanOrEqualTo(capacity).isGreaterThan(capacity - 4);
        int confirmedInLedger = 0;
        for (var sent : race.sent.values()) {
            var held = client.reservation(GIG, sent.reservationId()).join();
            if (race.answers.get(sent.reservationId()) instanceof Decision.Confirmed) {
                assertThat(held).as(sent.reservationId().value()).isPresent();
                assertThat(held.get().isConfirmed()).isTrue();
            }
            if (held.isPresent() && held.get().isConfirmed()) {
                confirmedInLedger += held.get().quantity();
            }
        }
        assertThat(floor.confirmed()).isEqualTo(confirmedInLedger);
    }

    private static EventDefinition gig(int capacity) {
        return new EventDefinition(GIG, "Gig", null, List.of(new CategoryDefinition(FLOOR, capacity)), 4);
    }
}
