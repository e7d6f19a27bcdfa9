package dev.booking.engine;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IndeterminateOperationStateException;
import dev.booking.domain.Change;
import dev.booking.domain.Inventory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.booking.domain.Sales.concert;
import static org.assertj.core.api.Assertions.assertThat;

/** A change whose write failed is written again: the views would otherwise miss it until a repair. */
class ChangeLogTest {
    private final Change change = Inventory.open(concert(10, 0)).change(List.of());
    private final List<Change> attempts = new ArrayList<>();

    private ChangeLog failingFirst(int failures, RuntimeException failure) {
        return new ChangeLog(written -> {
            attempts.add(written);
            return attempts.size() <= failures ? CompletableFuture.failedFuture(failure)
                    : CompletableFuture.completedFuture(null);
        }, Clock.systemUTC());
    }

    @Test
    void a_write_of_indeterminate_outcome_is_written_again_with_the_same_key_and_content() {
        ChangeLog log = failingFirst(2, new IndeterminateOperationStateException("backup did not acknowledge"));

        assertThat(log.publish(change, 42).join()).isTrue();

        assertThat(attempts).hasSize(3).allSatisfy(written -> {
            assertThat(written.key()).isEqualTo(change.key());
            assertThat(written).isEqualTo(change.at(42));
        });
    }

    @Test
    void it_gives_up_after_the_last_attempt_and_at_once_when_its_own_member_is_shutting_down() {
        assertThat(failingFirst(Integer.MAX_VALUE, new IndeterminateOperationStateException("gone"))
                .publish(change, 42).join()).isFalse();
        assertThat(attempts).hasSize(ChangeLog.ATTEMPTS);

        attempts.clear();
        assertThat(failingFirst(Integer.MAX_VALUE, new HazelcastInstanceNotActiveException())
                .publish(change, 42).join()).isFalse();
        assertThat(attempts).hasSize(1);
    }
}
