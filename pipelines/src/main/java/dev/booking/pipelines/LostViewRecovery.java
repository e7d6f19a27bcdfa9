package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.map.MapPartitionLostEvent;
import com.hazelcast.map.listener.MapPartitionLostListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brings back the customer lists that a crashed member took with it.
 *
 * <p>The customers view ({@value ViewMaps#CUSTOMERS}) keeps no backup: backing up every bucket update
 * cost 10–30 % of a two-node cluster's decisions during an on-sale, for data that the ledger holds
 * anyway. When a member crashes, Hazelcast reports each partition of the view that it lost; the oldest
 * member then waits a moment for the burst of such reports to end and republishes the whole truth of
 * every event ({@link Reconciliation#repair}), which the view job merges into the surviving and the
 * emptied buckets alike. Until it has, the customers whose bucket was lost see their lists partly empty
 * (seconds; the time grows with the number of reservations). A member that leaves gracefully hands its
 * partitions over and loses nothing, so it triggers no repair.
 *
 * <p>Every member watches (the oldest may be the one that crashed), and a repair that fails is tried
 * again; repairs are idempotent, so one run twice costs only time.
 */
public final class LostViewRecovery implements MapPartitionLostListener, AutoCloseable {
    static final long SETTLE_MILLIS = 1_000;
    private static final long RETRY_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(LostViewRecovery.class);

    private final HazelcastInstance member;
    private final Reconciliation reconciliation;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong repairs = new AtomicLong();
    private volatile UUID registration;

    private LostViewRecovery(HazelcastInstance member, Reconciliation reconciliation) {
        this.member = member;
        this.reconciliation = reconciliation;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "booking-view-recovery-" + member.getName());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts watching the customers view for partitions lost with a crashed member; stops with the member. */
    public static LostViewRecovery watch(HazelcastInstance member, Reconciliation reconciliation) {
        LostViewRecovery recovery = new LostViewRecovery(member, reconciliation);
        member.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.SHUTTING_DOWN) {
                recovery.scheduler.shutdownNow();
            }
        });
        recovery.registration = member.getMap(ViewMaps.CUSTOMERS).addPartitionLostListener(recovery);
        return recovery;
    }

    /** Stops watching (an application that stops the engine but keeps its member running). */
    @Override
    public void close() {
        scheduler.shutdownNow();
        if (registration != null && member.getLifecycleService().isRunning()) {
            member.getMap(ViewMaps.CUSTOMERS).removePartitionLostListener(registration);
        }
    }

    @Override
    public void partitionLost(MapPartitionLostEvent event) {
        scheduleRepair(SETTLE_MILLIS);
    }

    /** How many repairs this member ran. */
    public long repairs() {
        return repairs.get();
    }

    private void scheduleRepair(long delayMillis) {
        if (scheduled.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::repairIfOldest, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RuntimeException shutDown) {
                scheduled.set(false);
            }
        }
    }

    private void repairIfOldest() {
        // Let go first: a partition lost while this repair runs schedules another one.
        scheduled.set(false);
        try {
            if (!member.getLifecycleService().isRunning()
                    || !member.getCluster().getMembers().iterator().next().localMember()) {
                return;
            }
            int events = reconciliation.repair();
            repairs.incrementAndGet();
            LOG.warn("the customers view lost partitions with a crashed member: republished the truth of {} event(s)",
                    events);
        } catch (RuntimeException e) {
            LOG.warn("repairing the customers view after a member crash failed ({}); trying again", e.toString());
            scheduleRepair(RETRY_MILLIS);
        }
    }
}
