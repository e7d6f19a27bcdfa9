package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.map.IMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Keeps the view job running. Without it, a view job that failed stayed failed until some node started
 * again, and the views stood still meanwhile: decisions went on, the availability pages did not move.
 *
 * <p>Every member runs a keeper; the oldest member acts (one member does, and the others agree which
 * without talking). Every {@value #LOOK_MILLIS} ms it looks at the job:
 * <ul>
 *   <li><b>failed</b> (an error, or a rolling upgrade mixing builds that cannot read each other's job):
 *       it submits the job again, and notes in {@value ViewMaps#HEALTH} that the views owe a repair. A
 *       replacement that fails too is tried again, twice as late each time (up to {@value #LOOK_MAX_MILLIS}
 *       ms), as while an upgrade still mixes builds;</li>
 *   <li><b>running</b> (the same job at two looks in a row), with a repair owed: it republishes the truth of every event once
 *       ({@link Reconciliation#repair()}) and clears the note. The new job rereads the journal from the
 *       oldest change it holds (120 s), so changes decided while the job was down longer than that reach
 *       the views only through this repair. The note lives in the cluster, so a member that takes over as
 *       oldest repairs what the one before it could not;</li>
 *   <li><b>cancelled by a user</b>, or suspended: it leaves the job alone. Stopping the views is an
 *       operator's decision ({@code booking_view_job_running} shows it).</li>
 * </ul>
 * A repair reads every event's ledger in shares and slows decisions while it runs; it happens once per
 * failure of the job, not once per attempt.
 */
public final class ViewJobKeeper implements AutoCloseable {
    static final long LOOK_MILLIS = 5_000;
    static final long LOOK_MAX_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(ViewJobKeeper.class);

    private final HazelcastInstance member;
    private final Reconciliation reconciliation;
    private final Supplier<Pipeline> pipeline;
    private final long lookMillis;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong resubmissions = new AtomicLong();
    private final AtomicLong repairs = new AtomicLong();
    /** Replacements in a row that failed in turn: each doubles the wait before the next. */
    private int failedInARow;
    /** The id of the job that was running at the last look, if one was: a job seen running twice runs steadily. */
    private Long seenRunning;

    private ViewJobKeeper(HazelcastInstance member, Reconciliation reconciliation, Supplier<Pipeline> pipeline,
                          long lookMillis) {
        this.member = member;
        this.reconciliation = reconciliation;
        this.pipeline = pipeline;
        this.lookMillis = lookMillis;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "booking-view-job-keeper-" + member.getName());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts keeping the view job of {@link ViewPipeline} running; stops with the member or {@link #close}. */
    public static ViewJobKeeper keep(HazelcastInstance member, Reconciliation reconciliation) {
        return keep(member, reconciliation, () -> ViewPipeline.build(ViewPipeline.journal()), LOOK_MILLIS);
    }

    /** Keeps the job built by {@code pipeline} running, looking every {@code lookMillis}. */
    static ViewJobKeeper keep(HazelcastInstance member, Reconciliation reconciliation, Supplier<Pipeline> pipeline,
                              long lookMillis) {
        ViewJobKeeper keeper = new ViewJobKeeper(member, reconciliation, pipeline, lookMillis);
        member.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.SHUTTING_DOWN) {
                keeper.scheduler.shutdownNow();
            }
        });
        keeper.lookIn(lookMillis);
        return keeper;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** How many times this member submitted the view job again after it failed. */
    public long resubmissions() {
        return resubmissions.get();
    }

    /** How many repairs this member ran for a replaced job. */
    public long repairs() {
        return repairs.get();
    }

    private void look() {
        long next = lookMillis;
        try {
            if (member.getLifecycleService().isRunning() && isOldest()) {
                next = keep(ViewJobs.job(member));
            }
        } catch (RuntimeException e) {
            LOG.warn("looking after the view job failed ({}); looking again in {} ms", e.toString(), next);
        }
        lookIn(next);
    }

    /** Acts on the job as it is now; gives when to look again. */
    private long keep(Optional<Job> job) {
        JobStatus status = job.map(Job::getStatus).orElse(JobStatus.FAILED);
        if (status == JobStatus.FAILED && !job.map(Job::isUserCancelled).orElse(false)) {
            long wait = Math.min(lookMillis << Math.min(failedInARow, 20), LOOK_MAX_MILLIS);
            LOG.warn("the view job {} (Jet logged why): submitting it again; the views stand still until it runs "
                    + "(next look in {} ms)", job.isPresent() ? "failed" : "is missing", wait);
            health().put(ViewMaps.REPAIR_OWED, System.currentTimeMillis());
            ViewJobs.start(member, pipeline.get());
            seenRunning = null;
            resubmissions.incrementAndGet();
            failedInARow++;
            return wait;
        }
        Long running = status == JobStatus.RUNNING ? job.get().getId() : null;
        boolean steady = running != null && running.equals(seenRunning);
        seenRunning = running;
        if (steady) {
            failedInARow = 0;
            Object owed = health().get(ViewMaps.REPAIR_OWED);
            if (owed != null) {
                int events = reconciliation.repair();
                repairs.incrementAndGet();
                health().remove(ViewMaps.REPAIR_OWED, owed);
                LOG.warn("the view job runs again: republished the truth of {} event(s), so that the views hold "
                        + "what was decided while it was down", events);
            }
        }
        return lookMillis;
    }

    private void lookIn(long millis) {
        try {
            scheduler.schedule(this::look, millis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException shutDown) {
            // the member or the keeper stopped
        }
    }

    private boolean isOldest() {
        return member.getCluster().getMembers().iterator().next().localMember();
    }

    private IMap<String, Object> health() {
        return member.getMap(ViewMaps.HEALTH);
    }
}
