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
 * A starting node's submission of the view job ({@link ViewJobs#start}), on a thread of its own, so that
 * the node waits for it only as long as it chooses and then serves decisions anyway.
 *
 * <p>Jet answers on its coordinator, the oldest member, and a node that restarts on the address it had
 * before can wait there without end: the coordinator may still hold an operation of the node's earlier
 * life under the call id the new one gets, takes the new one for a duplicate, drops it, and keeps telling
 * the caller it is still running. Seen in a rolling restart under load: a restarted node waited in
 * {@code Job.getStatus()} for over two minutes and never opened its REST port.
 *
 * <p>A first attempt that fails within the node's wait fails the node's start, as a synchronous
 * submission did. Later failures are tried again, twice as late each time up to
 * {@value #RETRY_MAX_MILLIS} ms, until one succeeds, the member stops or {@link #close} is called.
 */
public final class ViewJobSubmission implements AutoCloseable {
    static final long RETRY_MILLIS = 5_000;
    static final long RETRY_MAX_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(ViewJobSubmission.class);

    private final HazelcastInstance member;
    private final Supplier<Pipeline> pipeline;
    private final long retryMillis;
    /** The submitted job, or the first attempt's failure. */
    private final CompletableFuture<Job> outcome = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean submitted;

    private ViewJobSubmission(HazelcastInstance member, Supplier<Pipeline> pipeline, long retryMillis) {
        this.member = member;
        this.pipeline = pipeline;
        this.retryMillis = retryMillis;
        this.thread = new Thread(this::submit, "booking-view-job-submission-" + member.getName());
        thread.setDaemon(true);
    }

    /** Begins submitting the view job of {@link ViewPipeline}. */
    public static ViewJobSubmission begin(HazelcastInstance member) {
        return begin(member, () -> ViewPipeline.build(ViewPipeline.journal()), RETRY_MILLIS);
    }

    static ViewJobSubmission begin(HazelcastInstance member, Supplier<Pipeline> pipeline, long retryMillis) {
        ViewJobSubmission submission = new ViewJobSubmission(member, pipeline, retryMillis);
        submission.thread.start();
        return submission;
    }

    /**
     * Waits at most {@code wait} for the submission: true once the job is submitted (or was running
     * already), false if it is still under way (it goes on in the background).
     *
     * @throws RuntimeException the first attempt's failure, if it failed within the wait
     */
    public boolean awaitSubmitted(Duration wait) {
        try {
            outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillUnderWay) {
            return false;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the view job's submission", e);
        }
    }

    /** Whether the job has been submitted (or was running already). */
    public boolean submitted() {
        return submitted;
    }

    /** Stops trying (a node whose start failed, or that stops). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    private void submit() {
        long began = System.nanoTime();
        long wait = retryMillis;
        for (int attempt = 1; !closed && member.getLifecycleService().isRunning(); attempt++) {
            try {
                Job job = ViewJobs.start(member, pipeline.get());
                submitted = true;
                outcome.complete(job);
                LOG.info("view job '{}' submitted or found running (attempt {}, {} ms)", ViewJobs.JOB_NAME, attempt,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                outcome.completeExceptionally(e);
                LOG.warn("submitting the view job failed ({}); trying again in {} ms", e.toString(), wait);
                if (!sleep(wait)) {
                    return;
                }
                wait = Math.min(wait * 2, RETRY_MAX_MILLIS);
            }
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
