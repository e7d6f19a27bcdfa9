package dev.booking.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import dev.booking.domain.Change;
import dev.booking.domain.Reservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Publishes the changes of the command side into a journaled map, where the query-side pipelines read
 * them: the changes handed over together travel as one {@link ChangeBatch} (at most {@value #MAX_BATCH}
 * changes and {@value #MAX_RESERVATIONS} reservations), under a key of their own. Asynchronous: the caller
 * never waits.
 *
 * <p>A change that brings more reservations than a batch holds (the whole ledger of a big event,
 * republished by a repair) travels in parts: each part carries the change's sequence and counts and a
 * share of its reservations. The views merge by sequence and by reservation, so the parts mean exactly
 * what the whole meant, and no journal entry grows with the size of an event.
 *
 * <p>A write that fails is written again, with the same key and content, up to {@value #ATTEMPTS} times
 * in all. That matters when the member owning the batch's partition dies: members fail a write whose
 * backup did not acknowledge ({@code IndeterminateOperationStateException}), and such a batch may exist
 * nowhere the journal survives; writing it again is harmless, since every view ignores what it already
 * applied. Only a publisher that is itself shutting down gives up at once. A batch that still cannot be
 * written is logged; reconciliation finds its changes missing and a repair republishes them from the
 * ledger.
 */
public final class ChangeLog {
    public static final String CHANGES_MAP = "booking.changes";
    static final int ATTEMPTS = 5;
    static final int MAX_BATCH = 500;
    /** About 250 KB of reservations: a 50 ms round of a hot event fits, a repaired ledger does not. */
    static final int MAX_RESERVATIONS = 4_096;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);

    private final BiFunction<String, ChangeBatch, CompletableFuture<?>> write;
    private final Clock clock;
    /** Keys are this publisher's id and a count: unique in the cluster, so no batch overwrites another. */
    private final String publisherId = UUID.randomUUID().toString();
    private final AtomicLong written = new AtomicLong();

    public ChangeLog(HazelcastInstance hazelcast, Clock clock) {
        this(writeTo(hazelcast.getMap(CHANGES_MAP)), clock);
    }

    ChangeLog(BiFunction<String, ChangeBatch, CompletableFuture<?>> write, Clock clock) {
        this.write = write;
        this.clock = clock;
    }

    private static BiFunction<String, ChangeBatch, CompletableFuture<?>> writeTo(IMap<String, ChangeBatch> changes) {
        return (key, batch) -> Futures.plain(changes.setAsync(key, batch));
    }

    public void publish(Change change) {
        publish(List.of(change), clock.millis());
    }

    /**
     * Publishes changes stamped with the given time (when they were made, as near as the publisher knows).
     *
     * @return whether every batch was written
     */
    CompletableFuture<Boolean> publish(List<Change> changes, long atMillis) {
        List<CompletableFuture<Boolean>> writes = new ArrayList<>();
        List<Change> batch = new ArrayList<>();
        int reservations = 0;
        for (Change change : changes) {
            for (Change part : parts(change.at(atMillis))) {
                if (batch.size() == MAX_BATCH || reservations + part.reservations().size() > MAX_RESERVATIONS) {
                    writes.add(write(new ChangeBatch(batch)));
                    batch.clear();
                    reservations = 0;
                }
                batch.add(part);
                reservations += part.reservations().size();
            }
        }
        if (!batch.isEmpty()) {
            writes.add(write(new ChangeBatch(batch)));
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> writes.stream().allMatch(CompletableFuture::join));
    }

    /** The change itself if a batch can hold it, else parts of at most {@value #MAX_RESERVATIONS} reservations. */
    static List<Change> parts(Change change) {
        List<Reservation> reservations = change.reservations();
        if (reservations.size() <= MAX_RESERVATIONS) {
            return List.of(change);
        }
        List<Change> parts = new ArrayList<>();
        for (int from = 0; from < reservations.size(); from += MAX_RESERVATIONS) {
            List<Reservation> share = reservations.subList(from, Math.min(from + MAX_RESERVATIONS, reservations.size()));
            parts.add(new Change(change.eventId(), change.sequence(), change.availability(), change.tally(), share,
                    change.atMillis()));
        }
        return parts;
    }

    private CompletableFuture<Boolean> write(ChangeBatch batch) {
        return attempt(publisherId + "#" + written.incrementAndGet(), batch, 1);
    }

    private CompletableFuture<Boolean> attempt(String key, ChangeBatch batch, int attempt) {
        return write.apply(key, batch).handle((ignored, failure) -> failure).thenCompose(failure -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(true);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (attempt < ATTEMPTS && !(cause instanceof HazelcastInstanceNotActiveException)) {
                return attempt(key, batch, attempt + 1);
            }
            LOG.warn("{} change(s) not published after {} attempt(s) ({}); reconciliation will repair the views",
                    batch.changes().size(), attempt, cause.toString());
            return CompletableFuture.completedFuture(false);
        });
    }
}
