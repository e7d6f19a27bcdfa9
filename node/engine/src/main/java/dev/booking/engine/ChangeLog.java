package dev.booking.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import dev.booking.domain.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Publishes every change of the command side into a journaled map, where the query-side pipelines
 * read it. Asynchronous: the caller never waits.
 *
 * <p>A write that fails is written again, up to {@value #ATTEMPTS} times in all. That matters when the
 * member owning the change's partition dies: members fail a write whose backup did not acknowledge
 * ({@code IndeterminateOperationStateException}), and such a change may exist nowhere the journal
 * survives; writing it again is harmless, since every view ignores what it already applied. Only a
 * publisher that is itself shutting down gives up at once. A change that still cannot be written is
 * logged; reconciliation finds it and a repair republishes it from the ledger.
 */
public final class ChangeLog {
    public static final String CHANGES_MAP = "booking.changes";
    static final int ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);

    private final Function<Change, CompletableFuture<?>> write;
    private final Clock clock;

    public ChangeLog(HazelcastInstance hazelcast, Clock clock) {
        this(writeTo(hazelcast.getMap(CHANGES_MAP)), clock);
    }

    ChangeLog(Function<Change, CompletableFuture<?>> write, Clock clock) {
        this.write = write;
        this.clock = clock;
    }

    private static Function<Change, CompletableFuture<?>> writeTo(IMap<String, Change> changes) {
        return change -> Futures.plain(changes.setAsync(change.key(), change));
    }

    public void publish(Change change) {
        publish(change, clock.millis());
    }

    /** Publishes a change stamped with the given time (when it was made, as near as the publisher knows). */
    CompletableFuture<Boolean> publish(Change change, long atMillis) {
        if (change == null) {
            return CompletableFuture.completedFuture(false);
        }
        return attempt(change.at(atMillis), 1);
    }

    private CompletableFuture<Boolean> attempt(Change change, int attempt) {
        return write.apply(change).handle((ignored, failure) -> failure).thenCompose(failure -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(true);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (attempt < ATTEMPTS && !(cause instanceof HazelcastInstanceNotActiveException)) {
                return attempt(change, attempt + 1);
            }
            LOG.warn("change {} of event {} not published after {} attempt(s) ({}); reconciliation will repair the views",
                    change.sequence(), change.eventId(), attempt, cause.toString());
            return CompletableFuture.completedFuture(false);
        });
    }
}
