package dev.booking.pipelines;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
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
 * coordinator lets go, or until the member shuts down and Hazelcast fails its pending calls. The next
 * call gets another id and is answered.
 *
 * <p>So at most {@value #MOST_UNANSWERED} calls of one {@code JetCalls} wait for an answer at a time; a
 * caller that finds that many goes on without asking ({@link #unanswered()} says how many wait). A
 * {@code /metrics} scrape every few seconds, or the keeper's look, then holds at most that many threads
 * however long Jet keeps them, instead of one more per scrape. Each call's thread is a daemon and ends
 * with the call, so nothing needs closing. A starting node's submission of the view job
 * ({@link ViewJobSubmission}) goes through here too.
 */
final class JetCalls {
    static final int MOST_UNANSWERED = 4;

    private final Executor threads;
    private final Duration wait;
    private final AtomicInteger unanswered = new AtomicInteger();

    JetCalls(Executor threads, Duration wait) {
        this.threads = threads;
        this.wait = wait;
    }

    /** Calls each on a daemon thread of its own named {@code name}, which ends with the call. */
    static JetCalls on(String name, Duration wait) {
        return new JetCalls(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        }, wait);
    }

    Duration waitsFor() {
        return wait;
    }

    /** How many calls wait for their answer now. */
    int unanswered() {
        return unanswered.get();
    }

    /**
     * The call's answer (which must not be null), or empty if it did not come within the wait or
     * {@value #MOST_UNANSWERED} calls still wait for theirs. A call that fails within the wait throws
     * what it threw (an {@code Error} wrapped in an {@code IllegalStateException}).
     *
     * @throws CancellationException if the caller is interrupted while it waits (its flag stays set)
     */
    <T> Optional<T> ask(Callable<T> call) {
        return start(call).flatMap(answer -> await(answer, wait));
    }

    /**
     * Starts the call on a thread of its own, unless {@value #MOST_UNANSWERED} calls still wait for their
     * answers; the future completes with the call's answer or failure, whenever Jet gives it.
     */
    <T> Optional<CompletableFuture<T>> start(Callable<T> call) {
        if (unanswered.incrementAndGet() > MOST_UNANSWERED) {
            unanswered.decrementAndGet();
            return Optional.empty();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            threads.execute(() -> answer(call, answer));
        } catch (RejectedExecutionException | Error notStarted) {
            unanswered.decrementAndGet();
            throw notStarted;
        }
        return Optional.of(answer);
    }

    /** Waits at most {@code wait} for an answer {@link #start} gave; empty if it did not come (as {@link #ask}). */
    static <T> Optional<T> await(CompletableFuture<T> answer, Duration wait) {
        try {
            return Optional.of(answer.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException notYet) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for Jet");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Jet's call failed", e.getCause());
        }
    }

    /** Runs the call; it no longer counts as waiting before its caller hears of it, so the caller may ask again at once. */
    private <T> void answer(Callable<T> call, CompletableFuture<T> answer) {
        T value = null;
        Throwable failure = null;
        try {
            value = call.call();
        } catch (Throwable e) {
            failure = e;
        }
        unanswered.decrementAndGet();
        if (failure != null) {
            answer.completeExceptionally(failure);
        } else {
            answer.complete(value);
        }
    }
}
