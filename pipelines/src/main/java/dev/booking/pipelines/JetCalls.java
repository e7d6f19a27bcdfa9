package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls into Jet that a caller waits for a bounded time: a call runs on a thread of its own, and the
 * caller takes its answer if it comes within the wait and goes on without it if not.
 *
 * <p>Why: a member restarted on the address it had can ask Jet something and never get an answer. The
 * coordinator still holds an operation of the member's earlier life under the call id that the new call
 * gets, drops the new call as a duplicate, and its heartbeats keep the caller waiting for as long as it
 * holds the old one (see {@link ViewJobSubmission}, where this hung a node's start). Hazelcast's
 * invocation future ignores interrupts, so such a call cannot be taken back: its thread waits until the
 * coordinator lets go. The next call gets another id and is answered.
 *
 * <p>So at most {@value #MOST_IN_FLIGHT} calls wait for an answer at a time; a caller that finds that many
 * goes on without asking. A {@code /metrics} scrape every few seconds, or the keeper's look, then holds
 * at most that many threads however long Jet keeps them, instead of one more per scrape.
 */
final class JetCalls {
    static final int MOST_IN_FLIGHT = 4;

    private final Executor threads;
    private final Duration wait;
    private final AtomicInteger inFlight = new AtomicInteger();

    JetCalls(Executor threads, Duration wait) {
        this.threads = threads;
        this.wait = wait;
    }

    /** Calls on daemon threads of their own, which end when the member starts shutting down. */
    static JetCalls on(HazelcastInstance member, String name, Duration wait) {
        return new JetCalls(MemberChores.threads(member, name), wait);
    }

    Duration waitsFor() {
        return wait;
    }

    /**
     * The call's answer, or empty if it did not come within the wait (or {@value #MOST_IN_FLIGHT} calls are
     * still waiting for theirs). A call that fails within the wait throws what it threw.
     */
    <T> Optional<T> ask(Callable<T> call) {
        if (inFlight.incrementAndGet() > MOST_IN_FLIGHT) {
            inFlight.decrementAndGet();
            return Optional.empty();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            threads.execute(() -> {
                try {
                    answer.complete(call.call());
                } catch (Throwable failure) {
                    answer.completeExceptionally(failure);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException shutDown) {
            inFlight.decrementAndGet();
            throw new IllegalStateException("the member is shutting down", shutDown);
        }
        try {
            return Optional.ofNullable(answer.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException unanswered) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
