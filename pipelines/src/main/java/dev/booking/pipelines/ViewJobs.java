package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.pipeline.Pipeline;

import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Starts and stops the view job. Every node calls {@link #start} when it starts (through
 * {@link ViewJobSubmission}, which bounds how long the node waits for Jet's answer): the job has a fixed name
 * and is submitted with {@code newJobIfAbsent}, so the cluster runs it once. It takes a snapshot (the
 * journal offsets) every second, AT_LEAST_ONCE; when a member dies, Jet restarts it on the others from
 * the last snapshot and the changes read since are delivered again (the views' merges absorb them).
 */
public final class ViewJobs {
    public static final String JOB_NAME = "booking-views";
    static final long SNAPSHOT_INTERVAL_MILLIS = 1_000;

    private ViewJobs() {
    }

    /** Submits the view job reading the journal of {@code booking.changes}, unless it is already running. */
    public static Job start(HazelcastInstance member) {
        return start(member, ViewPipeline.build(ViewPipeline.journal()));
    }

    /**
     * Submits the given view pipeline under the view job's name, unless a job of that name is running.
     * When it replaces a job that failed (not one a user cancelled), it first notes in
     * {@value ViewMaps#HEALTH} that the views owe a repair: the new job rereads only what the journal
     * still holds, and {@link ViewJobKeeper} repairs once it runs.
     */
    public static Job start(HazelcastInstance member, Pipeline pipeline) {
        job(member).filter(ViewJobs::failedByItself).ifPresent(failed ->
                member.getMap(ViewMaps.HEALTH).put(ViewMaps.REPAIR_OWED, System.currentTimeMillis()));
        return member.getJet().newJobIfAbsent(pipeline, jobConfig());
    }

    /** Whether the job failed of itself: not cancelled by a user. */
    private static boolean failedByItself(Job job) {
        return failedByItself(job, job.getStatus());
    }

    /** As {@link #failedByItself(Job)}, given the status just read. */
    static boolean failedByItself(Job job, JobStatus status) {
        return status == JobStatus.FAILED && !job.isUserCancelled();
    }

    public static JobConfig jobConfig() {
        return new JobConfig().setName(JOB_NAME)
                .setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE)
                .setSnapshotIntervalMillis(SNAPSHOT_INTERVAL_MILLIS);
    }

    /** The view job, if one was ever submitted under its name (it may have completed or failed). */
    public static Optional<Job> job(HazelcastInstance member) {
        return Optional.ofNullable(member.getJet().getJob(JOB_NAME));
    }

    /**
     * Cancels the view job and waits until it stopped. A later {@link #start} reads the journal again from
     * the oldest change it holds; what the journal no longer holds comes back with
     * {@link Reconciliation#repair()}.
     */
    public static void stop(HazelcastInstance member) {
        job(member).filter(job -> !job.getStatus().isTerminal()).ifPresent(job -> {
            job.cancel();
            try {
                job.join();
            } catch (CancellationException expected) {
                // what a cancelled job's join reports
            }
        });
    }

    public static boolean isRunning(HazelcastInstance member) {
        return job(member).map(job -> job.getStatus() == JobStatus.RUNNING).orElse(false);
    }
}
