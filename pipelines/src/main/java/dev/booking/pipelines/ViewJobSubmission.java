package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.pipeline.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A starting node's submission of the view job ({@link ViewJobs#start}), made on a thread of its own, so
 * that the node waits for Jet's answer only as long as it chooses and then serves decisions anyway.
 *
 * <p>Jet answers on its coordinator, the oldest member, and a node that restarts on the address it had
 * before can wait there without end: the coordinator may still hold an operation of the node's earlier
 * life under the call id the new one gets, takes the new one for a duplicate, drops it, and keeps telling
 * the caller it is still running. Seen in a rolling restart under load: a restarted node waited in
 * {@code Job.getStatus()} for over two minutes and never opened its REST port. A node restarting into a
 * running cluster finds the job running there anyway; the oldest member's {@link ViewJobKeeper} looks
 * after it from then on. A node that goes on without an answer leaves a note
 * ({@value ViewMaps#SUBMISSION_UNANSWERED} in {@value ViewMaps#HEALTH}), so that the keeper submits the
 * job if none exists after all.
 *
 * <p>One attempt, not retried: an answer that fails within the node's wait fails the node's start, as a
 * synchronous submission did; one that fails later is logged. The call runs as a {@link JetCalls} call:
 * one Jet has not answered cannot be taken back, so {@link #close} only stops this submission from
 * reporting a late answer, and its thread ends when the answer comes or the member shuts down.
 */
public final class ViewJobSubmission implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ViewJobSubmission.class);
    private static final Duration NOTE_WAIT = Duration.ofSeconds(2);

    private final HazelcastInstance member;
    /** The job, or why the submission failed. */
    private final CompletableFuture<Job> outcome;
    private volatile boolean closed;
    private volatile boolean waitedOut;

    private ViewJobSubmission(HazelcastInstance member, Supplier<Pipeline> pipeline) {
        this.member = member;
        long began = System.nanoTime();
        // A JetCalls of its own holds nothing yet, so the one call it makes is never refused.
        this.outcome = JetCalls.on("booking-view-job-submission-" + member.getName(), Duration.ZERO)
                .start(() -> ViewJobs.start(member, pipeline.get())).orElseThrow();
        outcome.whenComplete((job, failure) -> report(failure, began));
    }

    /** Submits the view job of {@link ViewPipeline}, unless it runs already. */
    public static ViewJobSubmission begin(HazelcastInstance member) {
        return begin(member, () -> ViewPipeline.build(ViewPipeline.journal()));
    }

    static ViewJobSubmission begin(HazelcastInstance member, Supplier<Pipeline> pipeline) {
        return new ViewJobSubmission(member, pipeline);
    }

    /**
     * Waits at most {@code wait} for Jet's answer: true once the job is submitted (or found running),
     * false if there is no answer yet (it may still come; the node goes on without it, and notes so for
     * the keeper: {@value ViewMaps#SUBMISSION_UNANSWERED}).
     *
     * @throws RuntimeException why the submission failed, if it failed within the wait
     */
    public boolean awaitSubmitted(Duration wait) {
        if (JetCalls.await(outcome, wait).isPresent()) {
            return true;
        }
        waitedOut = true;
        noteForTheKeeper();
        return false;
    }

    /**
     * Best effort, and bounded like the wait itself: the node starts without the view job's answer either
     * way, and a note that could not be written only leaves the job to the next node that starts.
     */
    private void noteForTheKeeper() {
        try {
            member.getMap(ViewMaps.HEALTH).setAsync(ViewMaps.SUBMISSION_UNANSWERED, System.currentTimeMillis())
                    .toCompletableFuture().get(NOTE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("could not note for the oldest member that the view job's submission went unanswered ({}); "
                    + "if no view job exists, the next node to start submits it", e.toString());
        }
    }

    /** Whether Jet answered that the job is submitted (or was running already); for tests. */
    boolean submitted() {
        return outcome.isDone() && !outcome.isCompletedExceptionally();
    }

    /** From now on a late answer is not reported (a node whose start failed, or that stops). */
    @Override
    public void close() {
        closed = true;
    }

    private void report(Throwable failure, long began) {
        if (failure == null) {
            if (!closed) {
                LOG.info("view job '{}' submitted or found running ({} ms)", ViewJobs.JOB_NAME,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
            }
        } else if (waitedOut && !closed && member.getLifecycleService().isRunning()) {
            LOG.warn("submitting the view job failed after the node had started without it; if no view job "
                    + "exists, the oldest member submits it (if one failed, it replaces it)", failure);
        }
    }
}
