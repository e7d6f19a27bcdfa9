package dev.booking.engine;

import com.hazelcast.core.HazelcastInstance;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.testing.BookingCluster;
import dev.booking.testing.SaleRace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The member that owns the event is killed (not shut down) in the middle of the sale. Every
 * confirmation a buyer received must still stand, nothing is oversold, and replays keep their answer.
 */
class MemberCrashMidSaleTest {
    static final int CAPACITY = 3000;
    private BookingCluster cluster;

    @AfterEach
    void shutdown() {
        cluster.close();
    }

    @Test
    void a_crashed_owner_loses_no_confirmed_booking_and_causes_no_oversell() throws Exception {
        cluster = BookingCluster.of(3);
        HazelcastInstance caller = cluster.member(0);
        EventId event = eventNotOwnedBy(caller);
        HazelcastInstance owner = cluster.ownerOf(event.value());
        BoxOffice desk = new BoxOffice(caller);
        desk.define(new EventDefinition(event, "Crash test", null,
                List.of(new CategoryDefinition(CategoryId.of("floor"), CAPACITY)))).join();

        SaleRace race = new SaleRace(event, CategoryId.of("floor"), 32, 0.10, 4, buyer -> desk::reserve);
        CompletableFuture<Integer> crash = CompletableFuture.supplyAsync(() -> {
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> race.confirmedSeats.get() >= CAPACITY / 3);
            int confirmedBefore = race.confirmedSeats.get();
            cluster.crash(owner);
            return confirmedBefore;
        });
        race.run(20, Duration.ofMinutes(3));

        assertThat(crash.join()).as("seats confirmed before the crash: mid-sale, not after it").isLessThan(CAPACITY);
        assertThat(owner.getLifecycleService().isRunning()).isFalse();
        assertThat(race.confirmedSeats.get()).isGreaterThan(CAPACITY - 10);
        assertThat(race.replayMismatches).isEmpty();
        RacingForTheLastSeatsTest.assertTheEngineHoldsWhatBuyersWereTold(race, desk, CAPACITY);
    }

    private EventId eventNotOwnedBy(HazelcastInstance member) {
        return IntStream.range(0, 1000).mapToObj(i -> EventId.of("crash-" + i))
                .filter(id -> !cluster.ownerOf(id.value()).equals(member))
                .findFirst().orElseThrow();
    }
}
