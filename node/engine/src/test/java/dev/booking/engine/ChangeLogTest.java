package dev.booking.engine;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IndeterminateOperationStateException;
import dev.booking.domain.Change;
import dev.booking.domain.Decision;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static dev.booking.domain.Sales.concert;
import static dev.booking.domain.Sales.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Changes handed over together are written as few batches, and a batch whose write failed is written again. */
class ChangeLogTest {
    private final Change change = Inventory.open(concert(10, 0)).change(List.of());
    private final List<Map.Entry<String, ChangeBatch>> attempts = new ArrayList<>();

    private ChangeLog failingFirst(int failures, RuntimeException failure) {
        return new ChangeLog((key, batch) -> {
            attempts.add(Map.entry(key, batch));
            return attempts.size() <= failures ? CompletableFuture.failedFuture(failure)
                    : CompletableFuture.completedFuture(null);
        }, Clock.systemUTC());
    }

    private List<Change> changes(int count) {
        return IntStream.range(0, count).mapToObj(sequence -> new Change(change.eventId(), sequence,
                change.availability(), change.tally(), change.reservations(), 0)).toList();
    }

    @Test
    void changes_handed_over_together_travel_as_one_batch_stamped_with_the_given_time() {
        ChangeLog log = failingFirst(0, null);

        assertThat(log.publish(changes(3), 42).join()).isTrue();

        assertThat(attempts).singleElement().satisfies(written ->
                assertThat(written.getValue().changes()).isEqualTo(changes(3).stream().map(c -> c.at(42)).toList()));
    }

    @Test
    void more_changes_than_a_batch_holds_travel_in_several_batches_under_keys_of_their_own() {
        ChangeLog log = failingFirst(0, null);

        assertThat(log.publish(changes(ChangeLog.MAX_BATCH * 2 + 1), 42).join()).isTrue();

        assertThat(attempts).extracting(written -> written.getValue().changes().size())
                .containsExactly(ChangeLog.MAX_BATCH, ChangeLog.MAX_BATCH, 1);
        assertThat(attempts).extracting(Map.Entry::getKey).doesNotHaveDuplicates();
        assertThat(attempts.stream().flatMap(written -> written.getValue().changes().stream()).toList())
                .isEqualTo(changes(ChangeLog.MAX_BATCH * 2 + 1).stream().map(c -> c.at(42)).toList());
    }

    @Test
    void a_change_with_more_reservations_than_a_batch_holds_travels_in_parts_with_its_sequence_and_counts() {
        Inventory inventory = Inventory.open(concert(ChangeLog.MAX_RESERVATIONS * 3, 0));
        List<Reservation> decided = IntStream.range(0, ChangeLog.MAX_RESERVATIONS * 2 + 7)
                .mapToObj(i -> inventory.reserve(request("r-" + i, "floor", 1)))
                .map(decision -> ((Decision.Confirmed) decision).reservation()).toList();
        Change whole = inventory.change(decided);
        ChangeLog log = failingFirst(0, null);

        assertThat(log.publish(List.of(change, whole), 42).join()).isTrue();

        assertThat(attempts).extracting(written -> written.getValue().changes().stream()
                        .mapToInt(part -> part.reservations().size()).sum())
                .containsExactly(ChangeLog.MAX_RESERVATIONS, ChangeLog.MAX_RESERVATIONS, 7);
        List<Change> parts = attempts.stream().flatMap(written -> written.getValue().changes().stream())
                .filter(part -> part.sequence() == whole.sequence()).toList();
        assertThat(parts).hasSize(3).allSatisfy(part -> {
            assertThat(part.availability()).isEqualTo(whole.availability());
            assertThat(part.tally()).isEqualTo(whole.tally());
            assertThat(part.atMillis()).isEqualTo(42);
        });
        assertThat(parts.stream().flatMap(part -> part.reservations().stream()).toList()).isEqualTo(decided);
    }

    @Test
    void a_write_of_indeterminate_outcome_is_written_again_with_the_same_key_and_content() {
        ChangeLog log = failingFirst(2, new IndeterminateOperationStateException("backup did not acknowledge"));

        assertThat(log.publish(List.of(change), 42).join()).isTrue();

        assertThat(attempts).hasSize(3).allSatisfy(written -> {
            assertThat(written.getKey()).isEqualTo(attempts.get(0).getKey());
            assertThat(written.getValue()).isEqualTo(new ChangeBatch(List.of(change.at(42))));
        });
    }

    @Test
    void it_gives_up_after_the_last_attempt_and_at_once_when_its_own_member_is_shutting_down() {
        assertThat(failingFirst(Integer.MAX_VALUE, new IndeterminateOperationStateException("gone"))
                .publish(List.of(change), 42).join()).isFalse();
        assertThat(attempts).hasSize(ChangeLog.ATTEMPTS);

        attempts.clear();
        assertThat(failingFirst(Integer.MAX_VALUE, new HazelcastInstanceNotActiveException())
                .publish(List.of(change), 42).join()).isFalse();
        assertThat(attempts).hasSize(1);
    }
}
