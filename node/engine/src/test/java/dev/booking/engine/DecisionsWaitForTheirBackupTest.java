package dev.booking.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Decision;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A decision is told only once its backup holds it: were the owner to crash right after answering, the
 * member that takes over must know the booking. Checked by holding the backup member's only partition
 * thread, so that backups queue there unapplied, and watching the answers wait — for a request alone and
 * for a batch that spans two events (Hazelcast answers a call on several keys without waiting for their
 * backups, which is why a batch of several events leaves as one call per event).
 */
class DecisionsWaitForTheirBackupTest {
    private static final Map<Integer, CountDownLatch> HELD = new ConcurrentHashMap<>();
    private static final Map<Integer, CountDownLatch> RELEASE = new ConcurrentHashMap<>();

    private BookingCluster cluster;

    @AfterEach
    void shutdown() {
        RELEASE.values().forEach(CountDownLatch::countDown);
        cluster.close();
    }

    @Test
    void neither_a_request_alone_nor_a_batch_of_two_events_is_answered_before_the_backup_applied_it() throws Exception {
        cluster = BookingCluster.of(2, config -> {
            config.setProperty("hazelcast.operation.thread.count", "1");
            // Without a late backup giving up (5 s by default), only a release answers the calls, however
            // slow the machine.
            config.setProperty("hazelcast.operation.backup.timeout.millis", "120000");
            return config;
        });
        HazelcastInstance owner = cluster.member(0);
        HazelcastInstance backup = cluster.member(1);
        List<EventId> events = eventsOwnedBy(owner, 2);
        BoxOffice boxOffice = new BoxOffice(owner);
        for (EventId event : events) {
            boxOffice.define(new EventDefinition(event, "Backed up " + event, null,
                    List.of(new CategoryDefinition(CategoryId.of("floor"), 10)))).join();
        }

        hold(backup, 1);
        CompletableFuture<Decision> alone = boxOffice.reserve(request(events.get(0), "r0"));
        // The owner has decided (a read on its partition thread comes after the decision and after the
        // decision's backup was sent), so that backup is queued behind the first hold...
        await().atMost(Duration.ofSeconds(10)).until(() ->
                boxOffice.availability(events.get(0)).join().orElseThrow().categories().get(0).confirmed() == 1);
        // ...and a second hold queues behind it, to catch the backups of the batch that follows.
        hold(backup, 2);
        CompletableFuture<Decision> first = boxOffice.reserve(request(events.get(0), "r1"));
        CompletableFuture<Decision> second = boxOffice.reserve(request(events.get(1), "r2"));

        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(alone).as("decided, but its backup is not applied yet").isNotDone();

        release(1);
        assertThat(alone.get(10, TimeUnit.SECONDS)).isInstanceOf(Decision.Confirmed.class);
        // r1 and r2 left together once r0 was answered; their backups wait behind the second hold.
        await().atMost(Duration.ofSeconds(10)).until(() -> IntStream.range(0, 2).allMatch(i ->
                boxOffice.availability(events.get(i)).join().orElseThrow().categories().get(0).confirmed() == (i == 0 ? 2 : 1)));
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(first).as("decided, but its backup is not applied yet").isNotDone();
        assertThat(second).as("decided, but its backup is not applied yet").isNotDone();

        release(2);
        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(Decision.Confirmed.class);
        assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOf(Decision.Confirmed.class);
    }

    private static ReservationRequest request(EventId event, String id) {
        return new ReservationRequest(event, ReservationId.of(id), CategoryId.of("floor"), CustomerId.of("c-" + id), 1);
    }

    private List<EventId> eventsOwnedBy(HazelcastInstance member, int count) {
        List<EventId> owned = new ArrayList<>();
        for (int i = 0; owned.size() < count; i++) {
            EventId event = EventId.of("backed-up-" + i);
            if (cluster.ownerOf(event.value()) == member) {
                owned.add(event);
            }
        }
        return owned;
    }

    /** Occupies the member's only partition thread until {@link #release}. */
    private void hold(HazelcastInstance member, int hold) throws InterruptedException {
        HELD.put(hold, new CountDownLatch(1));
        RELEASE.put(hold, new CountDownLatch(1));
        String key = IntStream.range(0, 10_000).mapToObj(i -> "hold-" + i)
                .filter(k -> cluster.ownerOf(k) == member).findFirst().orElseThrow();
        member.getMap("test.hold").submitToKey(key, new Hold(hold));
        if (hold == 1) {
            assertThat(HELD.get(hold).await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void release(int hold) {
        RELEASE.get(hold).countDown();
    }

    private record Hold(int number) implements EntryProcessor<Object, Object, Object>, ReadOnly {
        @Override
        public Object process(Map.Entry<Object, Object> entry) {
            HELD.get(number).countDown();
            try {
                RELEASE.get(number).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        @Override
        public EntryProcessor<Object, Object, Object> getBackupProcessor() {
            return null;
        }
    }
}
