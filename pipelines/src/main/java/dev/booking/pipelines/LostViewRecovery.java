package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapPartitionLostEvent;
import com.hazelcast.map.listener.MapPartitionLostListener;
import dev.booking.domain.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Brings back the customer lists that a crashed member took with it.
 *
 * <p>The customers view ({@value ViewMaps#CUSTOMERS}) keeps no backup: backing up every bucket update
 * cost 10–30 % of a two-node cluster's decisions during an on-sale, for data that the ledger holds
 * anyway. When a member crashes, Hazelcast reports each partition of the view that it lost; every member
 * marks the buckets of that partition as being rebuilt ({@link RebuildingLists}), and the oldest member
 * waits a moment for the burst of such reports to end and republishes the whole truth of every event
 * ({@link Reconciliation#repair}), which the view job merges into the surviving and the emptied buckets
 * alike. It then reads the marked buckets until each holds every reservation of that truth, and removes
 * its mark. Until then the customers of a marked bucket see their lists partly empty, and are told so
 * (seconds; the time grows with the number of reservations). A member that leaves gracefully hands its
 * partitions over and loses nothing, so it triggers no repair and marks nothing.
 *
 * <p>Every member watches (the oldest may be the one that crashed), and a repair that fails is tried
 * again; repairs are idempotent, so one run twice costs only time. Every {@value #SWEEP_MILLIS} ms the
 * oldest member also looks for marks that no rebuild watches (one reported after the repair read the
 * marks, or marks left by an oldest member that stopped before its buckets were whole) and repairs
 * again for them. A rebuild that does not come whole within two minutes (the view job stopped, say)
 * is repaired again, with twice the patience each time.
 */
public final class LostViewRecovery implements MapPartitionLostListener, AutoCloseable {
    static final long SETTLE_MILLIS = 1_000;
    private static final long RETRY_MILLIS = 5_000;
    /**
     * How soon the lost buckets are first read after the repair; each read moves them whole, so the reads
     * then grow apart, up to {@link #CHECK_MAX_MILLIS}.
     */
    private static final long CHECK_MILLIS = 500;
    private static final long CHECK_MAX_MILLIS = 5_000;
    /** How often the oldest member looks for marks that no rebuild watches (made late, or left by a member that stopped). */
    static final long SWEEP_MILLIS = 5_000;
    /** How long the republished truth may take to reach the buckets before the recovery repairs again; doubles each time. */
    private static final long REBUILD_PATIENCE_MILLIS = 120_000;
    private static final long REBUILD_PATIENCE_MAX_MILLIS = 3_600_000;
    private static final Logger LOG = LoggerFactory.getLogger(LostViewRecovery.class);

    private final HazelcastInstance member;
    private final Reconciliation reconciliation;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong repairs = new AtomicLong();
    /** The rebuild being watched; a newer repair replaces it (only touched by the scheduler's thread). */
    private Watch watched;
    private long patienceMillis = REBUILD_PATIENCE_MILLIS;
    private volatile UUID registration;

    private LostViewRecovery(HazelcastInstance member, Reconciliation reconciliation) {
        this.member = member;
        this.reconciliation = reconciliation;
        this.scheduler = MemberChores.scheduler(member, "booking-view-recovery");
    }

    /** Starts watching the customers view for partitions lost with a crashed member; stops with the member. */
    public static LostViewRecovery watch(HazelcastInstance member, Reconciliation reconciliation) {
        LostViewRecovery recovery = new LostViewRecovery(member, reconciliation);
        recovery.registration = member.getMap(ViewMaps.CUSTOMERS).addPartitionLostListener(recovery);
        recovery.scheduler.scheduleWithFixedDelay(recovery::repairLeftMarks, SWEEP_MILLIS, SWEEP_MILLIS,
                TimeUnit.MILLISECONDS);
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
        markRebuilding(event.getPartitionId());
        scheduleRepair(SETTLE_MILLIS);
    }

    /** Marks at once, without waiting on this event thread, the buckets that lived in the lost partition. */
    private void markRebuilding(int partition) {
        Set<Integer> lost = new TreeSet<>();
        for (int bucket = 0; bucket < CustomerBucket.COUNT; bucket++) {
            if (member.getPartitionService().getPartition(CustomerBucket.keyOf(bucket)).getPartitionId() == partition) {
                lost.add(bucket);
            }
        }
        if (!lost.isEmpty()) {
            health().submitToKey(ViewMaps.REBUILDING_LISTS, new RebuildingLists.Mark(lost, System.currentTimeMillis()))
                    .whenComplete((ignored, failure) -> {
                        if (failure != null) {
                            LOG.warn("could not mark customer buckets {} as being rebuilt: {}", lost, failure.toString());
                        }
                    });
        }
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
            if (!member.getLifecycleService().isRunning() || !MemberChores.isOldest(member)) {
                return;
            }
            // The marks are read before the truth: every bucket marked here was lost before the truth was read.
            RebuildingLists marked = health().get(ViewMaps.REBUILDING_LISTS);
            List<Change> truth = reconciliation.republishTruth();
            repairs.incrementAndGet();
            LOG.warn("the customers view lost partitions with a crashed member: republished the truth of {} event(s)",
                    truth.stream().map(Change::eventId).distinct().count());
            watched = marked == null || marked.isEmpty() ? null
                    : new Watch(new ListsToRebuild(truth, marked.buckets().keySet()), marked, System.currentTimeMillis());
            if (watched != null) {
                Watch watch = watched;
                scheduler.schedule(() -> checkRebuilt(watch, CHECK_MILLIS), CHECK_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.warn("repairing the customers view after a member crash failed ({}); trying again", e.toString());
            scheduleRepair(RETRY_MILLIS);
        }
    }

    /**
     * Reads the buckets being rebuilt, removes the marks of those that hold the truth (unless marked again
     * since they were read), and looks again later.
     */
    private void checkRebuilt(Watch watch, long delayMillis) {
        if (watch != watched || !member.getLifecycleService().isRunning()) {
            return;
        }
        ListsToRebuild lists = watch.lists;
        try {
            Map<Integer, CustomerBucket> held = new HashMap<>();
            Map<String, CustomerBucket> read = member.<String, CustomerBucket>getMap(ViewMaps.CUSTOMERS).getAll(
                    lists.buckets().stream().map(CustomerBucket::keyOf).collect(Collectors.toSet()));
            read.forEach((key, bucket) -> held.put(Integer.parseInt(key), bucket));
            Set<Integer> whole = lists.wholeIn(held);
            if (!whole.isEmpty()) {
                health().executeOnKey(ViewMaps.REBUILDING_LISTS, new RebuildingLists.Unmark(watch.marks.marksOf(whole)));
                lists.forget(whole);
            }
            if (lists.isDone()) {
                watched = null;
                patienceMillis = REBUILD_PATIENCE_MILLIS;
                LOG.info("the lost customer lists are whole again, {} ms after the repair",
                        System.currentTimeMillis() - watch.startedMillis);
                return;
            }
        } catch (RuntimeException e) {
            LOG.warn("checking the rebuilt customer lists failed ({}); looking again", e.toString());
        }
        if (System.currentTimeMillis() - watch.startedMillis > patienceMillis) {
            LOG.warn("{} customer bucket(s) still lack reservations {} s after the repair; repairing again",
                    lists.buckets().size(), patienceMillis / 1000);
            watched = null;
            patienceMillis = Math.min(patienceMillis * 2, REBUILD_PATIENCE_MAX_MILLIS);
            scheduleRepair(0);
        } else {
            long next = Math.min(delayMillis * 3 / 2, CHECK_MAX_MILLIS);
            scheduler.schedule(() -> checkRebuilt(watch, next), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Repairs when buckets are marked and no rebuild watches them: a mark that arrived after the repair
     * read the marks, or marks left by an oldest member that stopped (or closed its recovery) before they
     * were whole.
     */
    private void repairLeftMarks() {
        try {
            if (watched == null && !scheduled.get() && member.getLifecycleService().isRunning()
                    && MemberChores.isOldest(member) && leftMarks()) {
                LOG.info("customer buckets are marked as being rebuilt and no rebuild watches them: repairing");
                scheduleRepair(0);
            }
        } catch (RuntimeException e) {
            LOG.debug("looking for customer buckets left marked failed: {}", e.toString());
        }
    }

    /** A rebuild being watched: what the lost buckets must hold, the marks read before the truth, since when. */
    private record Watch(ListsToRebuild lists, RebuildingLists marks, long startedMillis) {
    }

    private boolean leftMarks() {
        RebuildingLists marked = health().get(ViewMaps.REBUILDING_LISTS);
        return marked != null && !marked.isEmpty();
    }

    private IMap<String, RebuildingLists> health() {
        return member.getMap(ViewMaps.HEALTH);
    }
}
