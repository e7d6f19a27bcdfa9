package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.map.IMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Keeps the view job running. Without it, a view job that failed stayed failed until some node started
 * again, and the views stood still meanwhile: decisions went on, the availability pages did not move.
 *
 * <p>Every member runs a keeper; the oldest member acts (one member does, and the others agree which
 * without talking). Every {@value #LOOK_MILLIS} ms it looks at the job:
 * <ul>
 *   <li><b>failed</b> (an error, or a rolling upgrade mixing builds that cannot read each other's job):
 *       it submits the job again ({@link ViewJobs#start}, which notes in {@value ViewMaps#HEALTH} that
 *       the views owe a repair, as it does when a starting node replaces a failed job). A replacement
 *       that fails too is tried again, twice as late each time (up to {@value #LOOK_MAX_MILLIS} ms), as
 *       while an upgrade still mixes builds;</li>
 *   <li><b>running</b> (the same job at two looks in a row), with a repair owed: it republishes the truth
 *       of every event once ({@link Reconciliation#repair()}) and clears the note. The new job rereads the
 *       journal from the oldest change it still holds (at most 120 s back), so changes decided while the
 *       job was down longer than that reach the views only through this repair. The note lives in the
 *       cluster, so a member that takes over as oldest repairs what the one before it could not. A repair
 *       that fails is tried again, twice as late each time, up to {@value #LOOK_MAX_MILLIS} ms;</li>
 *   <li><b>never submitted</b>, though a node that started went on without Jet's answer to its
 *       submission ({@link ViewJobSubmission} notes {@value ViewMaps#SUBMISSION_UNANSWERED}): it submits
 *       the job. The note goes once a job exists, whatever its state (a job a user cancelled stays
 *       cancelled);</li>
 *   <li><b>cancelled by a user</b>, suspended, or never submitted (without such a note): it leaves the
 *       job alone. Stopping the views is an operator's decision ({@code booking_view_job_running} shows
 *       it, with {@code booking_view_job_unanswered} at 0), and every node submits the job when it
 *       starts.</li>
 * </ul>
 * A repair reads every event's ledger in shares and slows decisions while it runs; it happens once per
 * failure of the job, not once per attempt.
 *
 * <p>It waits for Jet's answers at most {@link #JET_WAIT} ({@link JetCalls}): a look or a submission Jet
 * does not answer is given up, logged, and made again at the next look, so the keeper goes on looking
 * after the job instead of waiting for good. This is a precaution: the keeper acts on the oldest member,
 * where Jet's coordinator runs, and the unanswered calls seen so far were a restarted member's calls to
 * a coordinator elsewhere.
 */
public final class ViewJobKeeper implements AutoCloseable {
    static final long LOOK_MILLIS = 5_000;
    static final long LOOK_MAX_MILLIS = 60_000;
    static final Duration JET_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ViewJobKeeper.class);

    private final HazelcastInstance member;
    private final IntSupplier repair;
    private final Supplier<Pipeline> pipeline;
    private final long lookMillis;
    private final JetCalls jet;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong looks = new AtomicLong();
    private final AtomicLong resubmissions = new AtomicLong();
    private final AtomicLong submissions = new AtomicLong();
    private final AtomicLong repairs = new AtomicLong();
    /** Submissions in a row whose job failed again, and repairs in a row that failed: each doubles the next wait. */
    private int setbacks;
    /** The id of the job that was running at the last look, if one was: a job seen running twice runs steadily. */
    private Long seenRunning;

    private ViewJobKeeper(HazelcastInstance member, IntSupplier repair, Supplier<Pipeline> pipeline, long lookMillis,
                          JetCalls jet) {
        this.member = member;
        this.repair = repair;
        this.pipeline = pipeline;
        this.lookMillis = lookMillis;
        this.jet = jet;
        this.scheduler = MemberChores.scheduler(member, "booking-view-job-keeper");
    }

    /** Starts keeping the view job of {@link ViewPipeline} running; stops with the member or {@link #close}. */
    public static ViewJobKeeper keep(HazelcastInstance member, Reconciliation reconciliation) {
        return keep(member, reconciliation::repair, () -> ViewPipeline.build(ViewPipeline.journal()), LOOK_MILLIS);
    }

    /** Keeps the job built by {@code pipeline} running, looking every {@code lookMillis}; repairs with {@code repair}. */
    static ViewJobKeeper keep(HazelcastInstance member, IntSupplier repair, Supplier<Pipeline> pipeline, long lookMillis) {
        return keep(member, repair, pipeline, lookMillis,
                JetCalls.on("booking-view-job-keeper-call-" + member.getName(), JET_WAIT));
    }

    /** As above, asking Jet through {@code jet}. */
    static ViewJobKeeper keep(HazelcastInstance member, IntSupplier repair, Supplier<Pipeline> pipeline, long lookMillis,
                              JetCalls jet) {
        ViewJobKeeper keeper = new ViewJobKeeper(member, repair, pipeline, lookMillis, jet);
        keeper.lookIn(lookMillis);
        return keeper;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** How many times this member looked at the job as the oldest member. */
    long looks() {
        return looks.get();
    }

    /** How many times this member submitted the view job again after it failed. */
    public long resubmissions() {
        return resubmissions.get();
    }

    /** How many times this member submitted a view job that did not exist, for a node that got no answer. */
    long submissions() {
        return submissions.get();
    }

    /** How many repairs this member ran for a replaced job. */
    public long repairs() {
        return repairs.get();
    }

    private void look() {
        long next = lookMillis;
        try {
            if (member.getLifecycleService().isRunning() && MemberChores.isOldest(member)) {
                looks.incrementAndGet();
                Optional<JobLook> seen = jet.ask(() -> JobLook.of(ViewJobs.job(member)));
                next = seen.isPresent() ? actOn(seen.get()) : unanswered("the look at the view job", lookMillis);
            }
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the keeper or its member stopped while it waited for Jet
            }
            next = setback();
            LOG.warn("looking after the view job failed ({}); looking again in {} ms", e.toString(), next);
        }
        lookIn(next);
    }

    /** Acts on the job as it is now; gives when to look again. */
    private long actOn(JobLook job) {
        if (job.status() == null) {
            return submitIfNoted();
        }
        long next = actOnExisting(job);
        dropNoteQuietly();
        return next;
    }

    /** Acts on a job that exists; gives when to look again. */
    private long actOnExisting(JobLook job) {
        if (job.failedByItself()) {
            seenRunning = null;
            long wait = setback();
            if (jet.ask(() -> ViewJobs.start(member, pipeline.get())).isEmpty()) {
                return unanswered("the view job's resubmission (it failed; Jet logged why)", wait);
            }
            resubmissions.incrementAndGet();
            LOG.warn("the view job failed (Jet logged why): submitted it again; the views stand still until it runs "
                    + "(next look in {} ms)", wait);
            return wait;
        }
        Long running = job.status() == JobStatus.RUNNING ? job.id() : null;
        boolean steady = running != null && running.equals(seenRunning);
        seenRunning = running;
        if (!steady) {
            return lookMillis;
        }
        Object owed = health().get(ViewMaps.REPAIR_OWED);
        if (owed != null) {
            int events = repair.getAsInt();
            repairs.incrementAndGet();
            health().remove(ViewMaps.REPAIR_OWED, owed);
            LOG.info("the view job runs again: republished the truth of {} event(s), so that the views hold "
                    + "what was decided while it was down", events);
        }
        setbacks = 0;
        return lookMillis;
    }

    /** A job exists, so a starting node's note that its submission went unanswered is moot. */
    private void dropNoteQuietly() {
        try {
            if (health().remove(ViewMaps.SUBMISSION_UNANSWERED) != null) {
                LOG.info("a node had started without Jet's answer to its view job submission; a view job exists, "
                        + "so there is nothing to submit");
            }
        } catch (RuntimeException e) {
            LOG.debug("the note of an unanswered submission stays until the next look ({})", e.toString());
        }
    }

    /** No job exists: submits it if a starting node noted that it went on without Jet's answer. */
    private long submitIfNoted() {
        Object noted = health().get(ViewMaps.SUBMISSION_UNANSWERED);
        if (noted == null) {
            return lookMillis;
        }
        if (jet.ask(() -> ViewJobs.start(member, pipeline.get())).isEmpty()) {
            return unanswered("the view job's submission (no job exists, and a starting node got no answer to its own)",
                    lookMillis);
        }
        submissions.incrementAndGet();
        health().remove(ViewMaps.SUBMISSION_UNANSWERED, noted);
        LOG.warn("no view job existed, and a node had started without Jet's answer to its submission: submitted it");
        return lookMillis;
    }

    /** Logs a call Jet did not answer in time (or not made: too many still unanswered); the next look makes it again. */
    private long unanswered(String call, long next) {
        seenRunning = null;
        LOG.warn("Jet did not answer {} within {} ms ({} call(s) of this keeper still unanswered); looking again in {} ms",
                call, jet.waitsFor().toMillis(), jet.unanswered(), next);
        return next;
    }

    /** Counts a setback and gives the wait before the next look: twice the last, up to {@value #LOOK_MAX_MILLIS} ms. */
    private long setback() {
        long wait = Math.min(lookMillis << Math.min(setbacks, 16), LOOK_MAX_MILLIS);
        setbacks = Math.min(setbacks + 1, 16);
        return wait;
    }

    private void lookIn(long millis) {
        try {
            scheduler.schedule(this::look, millis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException shutDown) {
            // the member or the keeper stopped
        }
    }

    private IMap<String, Object> health() {
        return member.getMap(ViewMaps.HEALTH);
    }

    /** What one look saw of the job: its id and status (null for both if none was ever submitted). */
    private record JobLook(Long id, JobStatus status, boolean failedByItself) {
        static JobLook of(Optional<Job> job) {
            if (job.isEmpty()) {
                return new JobLook(null, null, false);
            }
            JobStatus status = job.get().getStatus();
            return new JobLook(job.get().getId(), status, ViewJobs.failedByItself(job.get(), status));
        }
    }
}
