package dev.booking.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import dev.booking.domain.Change;
import dev.booking.domain.Reservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Where the command side's entry processors leave their changes for the query side, on the member that
 * made them: one outbox per member, drained by one thread into {@link ChangeLog}.
 *
 * <p>Why on the member: the caller of an entry processor may be a client, and sending each change back
 * to it only for it to send the change on to the cluster doubled the traffic of every batch.
 *
 * <p>Why coalescing: under an on-sale spike an event changes thousands of times a second. The thread
 * drains at most once every {@link #LINGER_MILLIS} ms and publishes one change per event per drain,
 * holding the event's latest counts and every reservation the drained changes touched, and all the
 * changes of a drain as one {@link ChangeBatch} (one map write, one journal slot). A quiet member
 * publishes at once; a busy one adds at most that much to the views' lag. The views merge by sequence
 * and by reservation, so a coalesced change means exactly what its parts meant. Why 50 ms: bigger
 * changes let the view job write each partition of the customers view once per change rather than once
 * per reservation; on the benchmark machine 5 ms gave 17,000-20,000 decisions/s, 50 ms 22,500-23,600, and
 * longer no more.
 *
 * <p>Not durable: a change still in the outbox when its member crashes never reaches the views until a
 * replay of one of its reservations or a repair republishes it (see {@code Reconciliation}) — the
 * decisions themselves are safe in the inventory and its backup.
 */
public final class ChangeOutbox {
    static final long LINGER_MILLIS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeOutbox.class);
    private static final Map<String, ChangeOutbox> BY_MEMBER = new ConcurrentHashMap<>();

    private final BlockingQueue<Change> pending = new LinkedBlockingQueue<>();
    private final ChangeLog changeLog;
    private final Thread publisher;
    private volatile boolean open = true;

    private ChangeOutbox(HazelcastInstance member) {
        this.changeLog = new ChangeLog(member, Clock.systemUTC());
        this.publisher = new Thread(this::publishUntilClosed, "booking-change-outbox-" + member.getName());
        this.publisher.setDaemon(true);
    }

    /** The outbox of this member, started on first use and closed when the member shuts down. */
    static ChangeOutbox of(HazelcastInstance member) {
        ChangeOutbox outbox = BY_MEMBER.get(member.getName());
        return outbox != null ? outbox : BY_MEMBER.computeIfAbsent(member.getName(), name -> start(member));
    }

    private static ChangeOutbox start(HazelcastInstance member) {
        ChangeOutbox outbox = new ChangeOutbox(member);
        member.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.SHUTTING_DOWN) {
                outbox.close();
            } else if (event.getState() == LifecycleState.SHUTDOWN) {
                BY_MEMBER.remove(member.getName(), outbox);
            }
        });
        outbox.publisher.start();
        return outbox;
    }

    /** Takes a change to publish; never blocks (called on partition threads). */
    void add(Change change) {
        if (change != null && open) {
            pending.add(change);
        }
    }

    private void publishUntilClosed() {
        long lastDrain = 0;
        List<Change> drained = new ArrayList<>();
        while (open) {
            try {
                Change first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                // Every change of this round is stamped with the moment its first one was taken: the
                // lag the views report then includes the time a change waited here (overstated, if
                // anything, for the changes that came later in the round).
                long firstTakenMillis = System.currentTimeMillis();
                drained.add(first);
                long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastDrain);
                if (sinceLast < LINGER_MILLIS) {
                    Thread.sleep(LINGER_MILLIS - sinceLast);
                }
                lastDrain = System.nanoTime();
                pending.drainTo(drained);
                publish(drained, firstTakenMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("changes not published ({}); reconciliation will repair the views", e.toString());
            } finally {
                drained.clear();
            }
        }
    }

    private void publish(List<Change> changes, long atMillis) {
        changeLog.publish(coalesce(changes), atMillis);
    }

    private void close() {
        open = false;
        publisher.interrupt();
        try {
            publisher.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Change> left = new ArrayList<>();
        pending.drainTo(left);
        try {
            publish(left, System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.warn("{} changes not published at shutdown ({}); reconciliation will repair the views",
                    left.size(), e.toString());
        }
    }

    /**
     * One change per event: the counts of the change with the highest sequence, and each reservation as
     * the latest change that touched it left it (changes of an event arrive in the order they were made).
     */
    static List<Change> coalesce(List<Change> changes) {
        Map<String, List<Change>> byEvent = new LinkedHashMap<>();
        for (Change change : changes) {
            byEvent.computeIfAbsent(change.eventId().value(), id -> new ArrayList<>()).add(change);
        }
        List<Change> coalesced = new ArrayList<>(byEvent.size());
        for (List<Change> ofEvent : byEvent.values()) {
            coalesced.add(ofEvent.size() == 1 ? ofEvent.get(0) : merged(ofEvent));
        }
        return coalesced;
    }

    private static Change merged(List<Change> ofEvent) {
        Change latest = ofEvent.get(0);
        Map<String, Reservation> reservations = new LinkedHashMap<>();
        for (Change change : ofEvent) {
            if (change.sequence() >= latest.sequence()) {
                latest = change;
            }
            for (Reservation reservation : change.reservations()) {
                reservations.put(reservation.id().value(), reservation);
            }
        }
        return new Change(latest.eventId(), latest.sequence(), latest.availability(), latest.tally(),
                List.copyOf(reservations.values()), latest.atMillis());
    }
}
